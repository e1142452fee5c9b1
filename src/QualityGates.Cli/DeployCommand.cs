using System.CommandLine;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates deploy</c>: record a deployment to a target, if the registry allows it.</summary>
internal sealed class DeployCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version to deploy, as name:version.");
    private readonly Option<string> _context = ModelOptions.Context("The context deployed to");
    private readonly Option<string> _target = new("--target") { Description = "The deployment target (cluster, slot, host).", HelpName = "target", Required = true };
    private readonly Option<string> _deployedBy = new("--deployed-by") { Description = "Who deploys (default: the CI user, see the docs).", HelpName = "who" };
    private readonly Option<string> _notes = new("--notes") { Description = "Notes kept with the deployment.", HelpName = "text" };
    private readonly Option<bool> _noPromotionOrder = CanDeployCommand.PromotionOption();
    private readonly RegistryOptions _registry = new(environment);

    public Command Create()
    {
        var command = new Command("deploy", "Record a deployment of a model version to a target; refused (exit 1) unless can-deploy says yes.")
        {
            _model, _context, _target, _deployedBy, _notes, _noPromotionOrder,
        };
        return _registry.Attach(command, (result, output, _) => Execute(result, output));
    }

    private int Execute(ParseResult result, TextWriter output)
    {
        var model = ModelOptions.Identity(result, _model);
        var context = ModelOptions.Context(result, _context);
        var controller = new DeploymentController(_registry.Open(result), CanDeployCommand.Policy(result, _noPromotionOrder));
        var record = controller.Deploy(model, context, result.GetValue(_target) ?? string.Empty, result.GetValue(_deployedBy), result.GetValue(_notes));
        return RegistryTextOutput.Recorded(output, result.GetValue(_registry.Json), record, $"Deployed {record.Model} to {record.ContextName}");
    }
}
