using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.MSBuild.Settings;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The settings of one gate run in a test application: the MSBuild properties from the settings file,
/// overridden by the <c>--quality-gates-*</c> options. Errors name what the user wrote
/// (<c>QualityGatesMinCodeCoverage</c> or <c>--quality-gates-min-code-coverage</c>).
/// </summary>
internal sealed record GateRunSettings
{
    private const string Prefix = "QualityGates";

    public bool Enabled { get; init; } = true;

    /// <summary>The request without this run's test outcomes and coverage (added by <see cref="ForRun"/>).</summary>
    public required GateRunRequest Request { get; init; }

    /// <summary>Cobertura files the user named; when any, they replace this run's coverage.</summary>
    public IReadOnlyList<string> NamedCoverageFiles { get; init; } = [];

    /// <summary>Where junit-gates.xml, the JSON report and gates.html go (full path).</summary>
    public required string ReportDirectory { get; init; }

    public bool CiIntegration { get; init; } = true;

    public WebhookOptions? Webhook { get; init; }

    /// <summary>Reads the settings; every bad value is one error in <paramref name="errors"/>.</summary>
    public static GateRunSettings Read(GateSettingsFile file, ICommandLineOptions options, Func<string, string?> environment, List<QualityGatesException> errors)
    {
        var projectDirectory = file["ProjectDirectory"] ?? AppContext.BaseDirectory;
        var (contextText, contextSource) = Override(options, GateCommandLineProvider.Context, file, Prefix + "Context");
        var (enabledText, enabledSource) = Override(options, GateCommandLineProvider.Enabled, file, Prefix + "Enabled");
        var (reportText, _) = Override(options, GateCommandLineProvider.ReportDirectory, file, "ReportDirectory");
        var namedCoverage = options.TryGetOptionArgumentList(GateCommandLineProvider.Coverage, out var fromOption)
            ? fromOption
            : ListSetting.NonEmpty([file[Prefix + "CoverageFiles"] ?? string.Empty]);
        var security = ListSetting.NonEmpty([file[Prefix + "SecurityScanFiles"] ?? string.Empty]);
        var modelFile = file[Prefix + "ModelMetricsFile"];
        var baselineFile = file[Prefix + "BaselineFile"];
        var defaultGroups = CheckGroupsSetting.Default(modelFile is not null || baselineFile is not null, security.Count > 0);
        var modelName = file[Prefix + "ModelName"];

        return new GateRunSettings
        {
            Enabled = Guard(errors, () => SwitchSetting.Parse(enabledText, enabledSource, whenEmpty: true), true),
            Request = new GateRunRequest
            {
                Context = contextText,
                ContextSource = contextSource,
                Overrides = GateCommandLineProvider.Thresholds
                    .Select(t => (t.Threshold.Name, Override(options, t.Option, file, Prefix + t.Threshold.Name)))
                    .Select(t => new ThresholdOverride(t.Name, t.Item2.Value, t.Item2.Source))
                    .ToList(),
                Strict = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "Strict"], Prefix + "Strict", whenEmpty: false)),
                Groups = Guard(errors, () => CheckGroupsSetting.Parse(ListSetting.NonEmpty([file[Prefix + "Checks"] ?? string.Empty]), Prefix + "Checks", defaultGroups), defaultGroups),
                Model = modelName is null ? null : new ModelIdentity(modelName, file[Prefix + "ModelVersion"] ?? string.Empty),
                BaseDirectory = projectDirectory,
                SecurityScanFiles = security,
                TestMetricsFile = file[Prefix + "TestMetricsFile"],
                ModelMetricsFile = modelFile,
                BaselineFile = baselineFile,
            },
            NamedCoverageFiles = namedCoverage,
            ReportDirectory = Path.GetFullPath(reportText ?? Path.Combine(projectDirectory, ".quality-gates"), projectDirectory),
            CiIntegration = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "CiIntegration"], Prefix + "CiIntegration", whenEmpty: true), true),
            Webhook = Guard(errors, () => WebhookSetting.Parse(file[WebhookSetting.UrlProperty], file[WebhookSetting.AlwaysProperty], file[WebhookSetting.TimeoutProperty], environment)),
        };
    }

    /// <summary>The request for this run: its test outcomes, and its coverage unless the user named files.</summary>
    public GateRunRequest ForRun(TestRunSummary? tests, IReadOnlyList<string> runCoverageFiles) => Request with
    {
        Tests = tests,
        CoverageFiles = NamedCoverageFiles.Count > 0 ? NamedCoverageFiles : runCoverageFiles,
    };

    /// <summary>The command-line value when given, else the settings file's, with the name the user wrote.</summary>
    private static (string? Value, string Source) Override(ICommandLineOptions options, string option, GateSettingsFile file, string property) =>
        options.TryGetOptionArgumentList(option, out var arguments) && arguments.Length > 0
            ? (arguments[0], "--" + option)
            : (file[property], property);

    private static T Guard<T>(List<QualityGatesException> errors, Func<T> read, T fallback = default!)
    {
        try
        {
            return read();
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return fallback;
        }
    }
}
