using QualityGates.Configuration;
using QualityGates.Metrics;

namespace QualityGates.Registry.Deployment;

/// <summary>The answer to "can this version be deployed to this context": yes or no, why, and the record it rests on.</summary>
internal sealed record DeploymentDecision(ModelIdentity Model, DeploymentContext Context, DeploymentVerdict Verdict, string Reason, RegistryRecord? Decision)
{
    public bool Allowed => Verdict == DeploymentVerdict.Allowed;

    /// <summary>True when the approval the answer rests on overrode a blocked gate run (<see cref="RegistryRecord.Override"/>).</summary>
    public bool IsOverride => Decision is { Kind: RegistryRecordKind.Approved, Override: not null };

    public string ContextName => DeploymentContexts.NameOf(Context);

    /// <summary>The verdict as written in JSON output: <c>allowed</c>, <c>never-gated</c>, <c>not-approved</c>, <c>rejected</c>, <c>blocked</c>, <c>rolled-back</c>, <c>promotion-order</c>.</summary>
    public string VerdictName => Verdict switch
    {
        DeploymentVerdict.Allowed => "allowed",
        DeploymentVerdict.NeverGated => "never-gated",
        DeploymentVerdict.NotApproved => "not-approved",
        DeploymentVerdict.Rejected => "rejected",
        DeploymentVerdict.Blocked => "blocked",
        DeploymentVerdict.RolledBack => "rolled-back",
        DeploymentVerdict.PromotionOrder => "promotion-order",
        _ => throw new InvalidOperationException(Verdict.ToString()),
    };
}
