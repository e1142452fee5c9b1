using QualityGates.Configuration;

namespace QualityGates.Registry;

/// <summary>The version deployed to a target in a context, as the records say, and the deployment record.</summary>
public sealed record CurrentDeployment(DeploymentContext Context, string Target, string Version, RegistryRecord Deployment)
{
    public string ContextName => DeploymentContexts.NameOf(Context);
}
