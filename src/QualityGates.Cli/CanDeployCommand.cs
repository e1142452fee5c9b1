using System.CommandLine;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary><c>qualitygates can-deploy</c>: may this version be deployed to this context? Exit 0 yes, 1 no; the reason is printed.</summary>
internal sealed class CanDeployCommand(Func<string, string?> environment)
{
    private readonly Option<string> _model = ModelOptions.Model("The model version, as name:version.");
    private readonly Option<string> _context = ModelOptions.Context("The context to deploy to");
    private readonly Option<bool> _noPromotionOrder = PromotionOption();
    private readonly RegistryOptions _registry = new(environment);

    public static Option<bool> PromotionOption() => new("--no-promotion-order")
    {
        Description = "Do not require an earlier, standing staging approval of the same version before production.",
    };

    public static DeploymentPolicy Policy(ParseResult result, Option<bool> noPromotionOrder) =>
        new() { RequireStagingBeforeProduction = !result.GetValue(noPromotionOrder) };

    public Command Create()
    {
        var command = new Command("can-deploy", "Say whether a model version may be deployed to a context, and why not (exit 0 yes, 1 no).")
        {
            _model, _context, _noPromotionOrder,
        };
        return _registry.Attach(command, Execute);
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var model = ModelOptions.Identity(result, _model);
        var context = ModelOptions.Context(result, _context);
        var controller = new DeploymentController(_registry.Open(result), Policy(result, _noPromotionOrder));
        var answer = controller.CanDeploy(model, context);
        var decision = answer.Value;
        RegistryCommandRun.PrintWarnings(error, answer.Warnings);
        if (result.GetValue(_registry.Json))
        {
            var answerJson = new CanDeployJson(model.Name, model.Version, decision.ContextName, decision.Allowed, decision.VerdictName, decision.Reason, decision.IsOverride,
                controller.Policy.RequireStagingBeforeProduction, RegistryJson.Record(decision.Decision), RegistryJson.Warnings(answer.Warnings));
            RegistryJson.Print(output, answerJson, CliJsonContext.Default.CanDeployJson);
        }
        else
        {
            ErrorOutput.Line(output, (decision.Allowed ? "yes: " : "no: ") + decision.Reason);
        }

        return decision.Allowed ? ExitCodes.Passed : ExitCodes.Refused;
    }
}

/// <summary><c>can-deploy --json</c>: the answer, why, and the record that decided it.</summary>
internal sealed record CanDeployJson(string Model, string Version, string Context, bool CanDeploy, string Verdict, string Reason, bool Override, bool PromotionOrder,
    JsonRegistryRecord? Decision, IEnumerable<WarningJson> Warnings);
