using System.CommandLine;
using QualityGates.Errors;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates approve</c>: approve a model version for a context, by hand or from a gate report.</summary>
internal sealed class ApproveCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version to approve, as name:version (with --report: must match the report).", required: false);
    private readonly Option<string> _context = ModelOptions.Context("The context to approve it for (with --report: must match the report)", required: false);
    private readonly Option<string> _report = new("--report") { Description = "Approve from this JSON gate report; refused unless it passed.", HelpName = "report.json" };
    private readonly Option<string> _approvedBy = new("--approved-by") { Description = "Who approves (default: the CI user, see the docs).", HelpName = "who" };
    private readonly Option<string> _notes = new("--notes") { Description = "Notes kept with the approval.", HelpName = "text" };
    private readonly Option<bool> _overrideBlock = new("--override-block")
    {
        Description = "Approve although the version's latest gate run in the context was blocked, as a recorded override (needs --reason).",
    };
    private readonly Option<string> _reason = new("--reason") { Description = "With --override-block: why the blocked gate run is overridden (kept with the approval and shown by history, status and can-deploy).", HelpName = "text" };
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("approve", "Approve a model version for a context, by hand or from a passing gate report.")
        {
            _model, _context, _report, _approvedBy, _notes, _overrideBlock, _reason,
        };
        return _registry.Attach(command, (result, output, _) => Execute(result, output));
    }

    private int Execute(ParseResult result, TextWriter output)
    {
        var model = result.GetValue(_model) is null ? null : ModelOptions.Identity(result, _model);
        var context = ModelOptions.OptionalContext(result, _context);
        var overrideReason = OverrideReason(result);
        var registry = _registry.Open(result);
        RegistryRecord record;
        if (result.GetValue(_report) is { } report)
        {
            record = registry.ApproveFromReportFile(report, model, context, result.GetValue(_approvedBy), result.GetValue(_notes), overrideReason);
        }
        else if (model is not null && context is { } given)
        {
            record = overrideReason is null
                ? registry.Approve(model, given, result.GetValue(_approvedBy), result.GetValue(_notes))
                : registry.ApproveOverridingBlock(model, given, overrideReason, result.GetValue(_approvedBy), result.GetValue(_notes));
        }
        else
        {
            throw new QualityGatesException(ErrorCodes.InvalidCommandLine,
                "approve needs --model name:version and --context, or --report with a gate report.");
        }

        return RegistryTextOutput.Recorded(output, result.GetValue(_registry.Json), record, $"Approved {record.Model} for {record.ContextName}");
    }

    /// <summary>The override's reason; --override-block and --reason come together or not at all.</summary>
    private string? OverrideReason(ParseResult result)
    {
        var reason = result.GetValue(_reason);
        return (result.GetValue(_overrideBlock), reason) switch
        {
            (true, null) => throw new QualityGatesException(ErrorCodes.InvalidCommandLine, "--override-block needs --reason: say why the blocked gate run is overridden."),
            (false, not null) => throw new QualityGatesException(ErrorCodes.InvalidCommandLine, "--reason is only for --override-block (an approval's other remarks go in --notes)."),
            _ => reason,
        };
    }
}
