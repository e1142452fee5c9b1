using System.CommandLine;
using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates history</c>: every record about a model version (or every version of a model), oldest first.</summary>
internal sealed class HistoryCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version as name:version, or a model name for all its versions.");
    private readonly Option<string> _context = ModelOptions.Context("Only records for this context", required: false);
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("history", "List every approval, rejection, blocked run, deployment and rollback of a model version, oldest first.") { _model, _context };
        return _registry.Attach(command, Execute);
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var text = result.GetValue(_model);
        var version = text?.Contains(':') == true ? ModelOptions.Identity(result, _model) : null;
        var name = version?.Name ?? ModelIdentity.ParseName(text, _model.Name);
        var context = ModelOptions.OptionalContext(result, _context);
        var registry = _registry.Open(result);
        var history = version is null ? registry.GetHistory(name) : registry.GetHistory(version);
        var records = history.Value.Where(r => context is null || r.Context == context).ToList();
        RegistryCommandRun.PrintWarnings(error, history.Warnings);
        if (result.GetValue(_registry.Json))
        {
            RegistryJson.Print(output, new HistoryJson(name, version?.Version, context is { } only ? DeploymentContexts.NameOf(only) : null,
                records.Select(r => new JsonRegistryRecord(r)), RegistryJson.Warnings(history.Warnings)), CliJsonContext.Default.HistoryJson);
        }
        else if (records.Count == 0)
        {
            ErrorOutput.Line(output, $"No records for {version?.ToString() ?? name}{(context is { } c ? " in " + DeploymentContexts.NameOf(c) : string.Empty)} in {registry.Location}.");
        }
        else
        {
            foreach (var record in records)
            {
                ErrorOutput.Line(output, RegistryTextOutput.HistoryLine(record));
            }
        }

        return ExitCodes.Passed;
    }
}

/// <summary><c>history --json</c>: the records, oldest first; version and context are null when not asked for.</summary>
internal sealed record HistoryJson(string Model, string? Version, string? Context, IEnumerable<JsonRegistryRecord> Records, IEnumerable<WarningJson> Warnings);
