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
            var contexts = shown.Select(s => new ContextStatusJson(s.ContextName, s.StatusName, s.IsApproved, s.IsOverride, RegistryJson.Record(s.LatestDecision)));
            RegistryJson.Print(output, new StatusJson(model.Name, model.Version, registry.Location, contexts, RegistryJson.Warnings(status.Warnings)),
                CliJsonContext.Default.StatusJson);
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

/// <summary><c>status --json</c>: the latest decision in each context shown.</summary>
internal sealed record StatusJson(string Model, string Version, string Registry, IEnumerable<ContextStatusJson> Contexts, IEnumerable<WarningJson> Warnings);

internal sealed record ContextStatusJson(string Context, string Status, bool Approved, bool Override, JsonRegistryRecord? Decision);
