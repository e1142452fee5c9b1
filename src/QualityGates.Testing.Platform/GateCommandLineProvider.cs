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
    public const string NewCode = Prefix + "new-code";
    public const string BaseRef = Prefix + "base-ref";
    public const string NewCodeDiff = Prefix + "new-code-diff";
    public const string Ratchet = Prefix + "ratchet";
    public const string BaselineReport = Prefix + "baseline-report";
    public const string WaiversFile = Prefix + "waivers-file";

    /// <summary>The options that take true or false (checked with the properties' rules, QG0006).</summary>
    private static readonly string[] Switches = [Enabled, NewCode, Ratchet];

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
            new(NewCode, "'true' adds coverage.new_code, the coverage of the lines this change added or modified (runs git). Overrides QualityGatesNewCode.", ArgumentArity.ExactlyOne, false),
            new(BaseRef, "The branch or commit the change merges into, for coverage.new_code. Overrides QualityGatesBaseRef.", ArgumentArity.ExactlyOne, false),
            new(NewCodeDiff, "WorkingTree (commits plus uncommitted and untracked files) or Head (commits only). Overrides QualityGatesNewCodeDiff.", ArgumentArity.ExactlyOne, false),
            new(Ratchet, "'true' adds the ratchet: coverage and pass rate may not fall below the baseline. Overrides QualityGatesRatchet.", ArgumentArity.ExactlyOne, false),
            new(BaselineReport, "A JSON gate report to ratchet against (relative to the project folder). Overrides QualityGatesBaselineReport.", ArgumentArity.ExactlyOne, false),
            new(WaiversFile, "The waivers file (relative to the project folder). Overrides QualityGatesWaiversFile.", ArgumentArity.ExactlyOne, false),
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
            else if (Switches.Contains(commandOption.Name))
            {
                SwitchSetting.Parse(value, source, whenEmpty: commandOption.Name == Enabled);
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
