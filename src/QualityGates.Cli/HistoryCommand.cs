using System.CommandLine;
using QualityGates.Configuration;
using QualityGates.Metrics;

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
        ModelIdentity? version = text?.Contains(':') == true ? ModelOptions.Identity(result, _model) : null;
        var name = version?.Name ?? ModelIdentity.ParseName(text, _model.Name);
        var context = ModelOptions.OptionalContext(result, _context);
        var registry = _registry.Open(result);
        var history = version is null ? registry.GetHistory(name) : registry.GetHistory(version);
        var records = history.Value.Where(r => context is null || r.Context == context).ToList();
        RegistryCommandRun.PrintWarnings(error, history.Warnings);
        if (result.GetValue(_registry.Json))
        {
            RegistryJson.Print(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("model", name);
                if (version is null)
                {
                    json.WriteNull("version");
                }
                else
                {
                    json.WriteString("version", version.Version);
                }

                if (context is { } only)
                {
                    json.WriteString("context", DeploymentContexts.NameOf(only));
                }
                else
                {
                    json.WriteNull("context");
                }

                RegistryJson.Records(json, "records", records);
                RegistryJson.Warnings(json, history.Warnings);
                json.WriteEndObject();
            });
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
