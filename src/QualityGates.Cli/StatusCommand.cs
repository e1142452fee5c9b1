using System.CommandLine;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates status</c>: the latest decision about a model version, in one context or all.</summary>
internal sealed class StatusCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version, as name:version.");
    private readonly Option<string> _context = ModelOptions.Context("Only this context", required: false);
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("status", "Show the latest decision about a model version in one context, or in every context.") { _model, _context };
        return _registry.Attach(command, Execute);
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var model = ModelOptions.Identity(result, _model);
        var context = ModelOptions.OptionalContext(result, _context);
        var registry = _registry.Open(result);
        var status = registry.GetStatus(model);
        var shown = status.Value.Where(s => context is null || s.Context == context).ToList();
        RegistryCommandRun.PrintWarnings(error, status.Warnings);
        if (result.GetValue(_registry.Json))
        {
            RegistryJson.Print(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("model", model.Name);
                json.WriteString("version", model.Version);
                json.WriteString("registry", registry.Location);
                json.WriteStartArray("contexts");
                foreach (var item in shown)
                {
                    json.WriteStartObject();
                    json.WriteString("context", item.ContextName);
                    json.WriteString("status", item.StatusName);
                    json.WriteBoolean("approved", item.IsApproved);
                    json.WriteBoolean("override", item.IsOverride);
                    RegistryJson.Record(json, "decision", item.LatestDecision);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                RegistryJson.Warnings(json, status.Warnings);
                json.WriteEndObject();
            });
        }
        else
        {
            ErrorOutput.Line(output, model.ToString());
            foreach (var item in shown)
            {
                ErrorOutput.Line(output, "  " + RegistryTextOutput.StatusLine(item));
            }
        }

        return ExitCodes.Passed;
    }
}
