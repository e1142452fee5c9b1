using System.Text.RegularExpressions;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The test application's <c>--quality-gates-*</c> options, listed by <c>--help</c>. They override the
/// MSBuild properties baked into the settings file, so a built test application can be judged against
/// another context or threshold: <c>MyTests --quality-gates-context production</c>. A bad value is
/// refused by the platform before any test runs, with the QG code in the message.
/// </summary>
internal sealed class GateCommandLineProvider : ICommandLineOptionsProvider
{
    public const string Prefix = "quality-gates-";
    public const string Context = Prefix + "context";
    public const string ReportDirectory = Prefix + "report-directory";
    public const string Coverage = Prefix + "coverage";
    public const string Enabled = Prefix + "enabled";

    /// <summary>One option per threshold of the catalog: <c>MinTestPassRate</c> → <c>quality-gates-min-test-pass-rate</c>.</summary>
    public static IReadOnlyList<(ThresholdDefinition Threshold, string Option)> Thresholds { get; } = ThresholdCatalog.All
        .Select(t => (t, Prefix + Regex.Replace(t.Name, "(?<!^)([A-Z])", "-$1").ToLowerInvariant()))
        .ToList();

    public string Uid => nameof(GateCommandLineProvider);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions()
    {
        var options = new List<CommandLineOption>
        {
            new(Context, $"Deployment context whose thresholds apply: {string.Join(", ", DeploymentContexts.Names)}. Overrides QualityGatesContext.", ArgumentArity.ExactlyOne, false),
            new(ReportDirectory, "Folder for junit-gates.xml, the JSON report and gates.html. Overrides QualityGatesReportDirectory.", ArgumentArity.ExactlyOne, false),
            new(Coverage, "Cobertura files (or globs) to judge instead of this run's coverage. Overrides QualityGatesCoverageFiles.", ArgumentArity.OneOrMore, false),
            new(Enabled, "'false' runs the tests without the gate. Overrides QualityGatesEnabled.", ArgumentArity.ExactlyOne, false),
        };
        options.AddRange(Thresholds.Select(t => new CommandLineOption(t.Option,
            $"Override: {t.Threshold.Meaning}. Overrides QualityGates{t.Threshold.Name}.", ArgumentArity.ExactlyOne, false)));
        return options;
    }

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments)
    {
        try
        {
            var value = arguments.FirstOrDefault();
            var source = "--" + commandOption.Name;
            if (commandOption.Name == Context)
            {
                DeploymentContexts.Parse(value, source);
            }
            else if (commandOption.Name == Enabled)
            {
                SwitchSetting.Parse(value, source, whenEmpty: true);
            }
            else if (Thresholds.FirstOrDefault(t => t.Option == commandOption.Name) is { Threshold: not null } threshold)
            {
                ThresholdCatalog.Apply(GateThresholds.Default, threshold.Threshold.Name, value, source);
            }

            return ValidationResult.ValidTask;
        }
        catch (QualityGatesException ex)
        {
            return ValidationResult.InvalidTask($"{ex.Code}: {ex.Message}");
        }
    }

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => ValidationResult.ValidTask;
}
