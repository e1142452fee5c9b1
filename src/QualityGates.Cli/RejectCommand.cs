using System.CommandLine;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates reject</c>: reject a model version for a context, with a reason.</summary>
internal sealed class RejectCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version to reject, as name:version.");
    private readonly Option<string> _context = ModelOptions.Context("The context to reject it for");
    private readonly Option<string> _reason = new("--reason") { Description = "Why it is rejected.", HelpName = "text", Required = true };
    private readonly Option<string> _rejectedBy = new("--rejected-by") { Description = "Who rejects (default: the CI user, see the docs).", HelpName = "who" };
    private readonly Option<string> _notes = new("--notes") { Description = "Notes kept with the rejection.", HelpName = "text" };
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("reject", "Reject a model version for a context; it may not be deployed there until approved again.")
        {
            _model, _context, _reason, _rejectedBy, _notes,
        };
        return _registry.Attach(command, (result, output, _) => Execute(result, output));
    }

    private int Execute(ParseResult result, TextWriter output)
    {
        var model = ModelOptions.Identity(result, _model);
        var context = ModelOptions.Context(result, _context);
        var record = _registry.Open(result).Reject(model, context, result.GetValue(_reason) ?? string.Empty, result.GetValue(_rejectedBy), result.GetValue(_notes));
        return RegistryTextOutput.Recorded(output, result.GetValue(_registry.Json), record, $"Rejected {record.Model} for {record.ContextName}");
    }
}
