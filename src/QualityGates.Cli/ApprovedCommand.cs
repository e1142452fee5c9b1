using System.CommandLine;
using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates approved</c>: the versions of a model approved for a context, newest approval first.</summary>
internal sealed class ApprovedCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = new("--model", "-m") { Description = "The model name (no version).", HelpName = "name", Required = true };
    private readonly Option<string> _context = ModelOptions.Context("The context");
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("approved", "List the versions of a model approved for a context and not later rejected, blocked or rolled back, newest first.") { _model, _context };
        return _registry.Attach(command, Execute);
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var name = ModelIdentity.ParseName(result.GetValue(_model), _model.Name);
        var context = ModelOptions.Context(result, _context);
        var registry = _registry.Open(result);
        var approved = registry.GetApprovedVersions(name, context);
        RegistryCommandRun.PrintWarnings(error, approved.Warnings);
        if (result.GetValue(_registry.Json))
        {
            var versions = approved.Value.Select(v => new ApprovedVersionJson(v.Version, new JsonRegistryRecord(v.Approval)));
            RegistryJson.Print(output, new ApprovedJson(name, DeploymentContexts.NameOf(context), versions, RegistryJson.Warnings(approved.Warnings)),
                CliJsonContext.Default.ApprovedJson);
        }
        else if (approved.Value.Count == 0)
        {
            ErrorOutput.Line(output, $"No version of {name} is approved for {DeploymentContexts.NameOf(context)}.");
        }
        else
        {
            foreach (var version in approved.Value)
            {
                ErrorOutput.Line(output, $"{version.Version}  {RegistryTextOutput.Time(version.Approval.Timestamp)}  {RegistryTextOutput.Details(version.Approval)}");
            }
        }

        return ExitCodes.Passed;
    }
}

/// <summary><c>approved --json</c>: the approved versions, newest approval first.</summary>
internal sealed record ApprovedJson(string Model, string Context, IEnumerable<ApprovedVersionJson> Versions, IEnumerable<WarningJson> Warnings);

internal sealed record ApprovedVersionJson(string Version, JsonRegistryRecord Approval);
