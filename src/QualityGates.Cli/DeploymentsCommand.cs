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
            RegistryJson.Print(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("model", name);
                json.WriteStartArray("deployments");
                foreach (var deployment in shown)
                {
                    json.WriteStartObject();
                    json.WriteString("context", deployment.ContextName);
                    json.WriteString("target", deployment.Target);
                    json.WriteString("version", deployment.Version);
                    RegistryJson.Record(json, "deployment", deployment.Deployment);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                RegistryJson.Warnings(json, current.Warnings);
                json.WriteEndObject();
            });
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
