using System.CommandLine;
using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates deployments</c>: the version currently deployed on each context and target, derived from the records.</summary>
internal sealed class DeploymentsCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = new("--model", "-m") { Description = "The model name (no version).", HelpName = "name", Required = true };
    private readonly Option<string> _context = ModelOptions.Context("Only this context", required: false);
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("deployments", "Show which version of a model is deployed on each context and target, as the records say.") { _model, _context };
        return _registry.Attach(command, Execute);
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var name = ModelIdentity.ParseName(result.GetValue(_model), _model.Name);
        var context = ModelOptions.OptionalContext(result, _context);
        var current = new DeploymentController(_registry.Open(result)).GetCurrentDeployments(name);
        var shown = current.Value.Where(d => context is null || d.Context == context).ToList();
        RegistryCommandRun.PrintWarnings(error, current.Warnings);
        if (result.GetValue(_registry.Json))
        {
            var deployments = shown.Select(d => new DeploymentJson(d.ContextName, d.Target, d.Version, new JsonRegistryRecord(d.Deployment)));
            RegistryJson.Print(output, new DeploymentsJson(name, deployments, RegistryJson.Warnings(current.Warnings)), CliJsonContext.Default.DeploymentsJson);
        }
        else if (shown.Count == 0)
        {
            ErrorOutput.Line(output, $"No version of {name} is deployed{(context is { } c ? " to " + DeploymentContexts.NameOf(c) : string.Empty)}.");
        }
        else
        {
            foreach (var deployment in shown)
            {
                ErrorOutput.Line(output, $"{deployment.ContextName,-11}  {deployment.Target}  {deployment.Version}  {RegistryTextOutput.Time(deployment.Deployment.Timestamp)}  by {deployment.Deployment.By}");
            }
        }

        return ExitCodes.Passed;
    }
}

/// <summary><c>deployments --json</c>: the version deployed on each context and target.</summary>
internal sealed record DeploymentsJson(string Model, IEnumerable<DeploymentJson> Deployments, IEnumerable<WarningJson> Warnings);

internal sealed record DeploymentJson(string Context, string Target, string Version, JsonRegistryRecord Deployment);
