using System.CommandLine;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates rollback</c>: record that a deployed version was rolled back, with a reason.</summary>
internal sealed class RollbackCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version rolled back, as name:version.");
    private readonly Option<string> _context = ModelOptions.Context("The context it was deployed to");
    private readonly Option<string> _reason = new("--reason") { Description = "Why it is rolled back.", HelpName = "text", Required = true };
    private readonly Option<string> _target = new("--target") { Description = "Only this target (default: every target of the context).", HelpName = "target" };
    private readonly Option<string> _rolledBackBy = new("--rolled-back-by") { Description = "Who rolls back (default: the CI user, see the docs).", HelpName = "who" };
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("rollback", "Record a rollback of a deployed model version; it must be approved again before it is deployed.")
        {
            _model, _context, _reason, _target, _rolledBackBy,
        };
        return _registry.Attach(command, (result, output, _) => Execute(result, output));
    }

    private int Execute(ParseResult result, TextWriter output)
    {
        var model = ModelOptions.Identity(result, _model);
        var context = ModelOptions.Context(result, _context);
        var controller = new DeploymentController(_registry.Open(result));
        var record = controller.Rollback(model, context, result.GetValue(_reason) ?? string.Empty, result.GetValue(_target), result.GetValue(_rolledBackBy));
        return RegistryTextOutput.Recorded(output, result.GetValue(_registry.Json), record, $"Rolled back {record.Model} in {record.ContextName}");
    }
}
