using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Cobertura;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Configuration;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Running.Solution;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Maps a test application's gate settings into the engine's request: the MSBuild properties from the
/// settings file, overridden by the <c>--quality-gates-*</c> options. Every bad value is one error
/// naming what the user wrote (<c>QualityGatesMinCodeCoverage</c> or <c>--quality-gates-min-code-coverage</c>).
/// </summary>
internal static class GateRunSettings
{
    private const string Prefix = "QualityGates";
    private const string ApproveOnPassProperty = Prefix + "ApproveOnPass";

    /// <summary>Whether the gate runs at all (<c>QualityGatesEnabled</c> / <c>--quality-gates-enabled</c>).</summary>
    public static bool Enabled(GateSettingsFile file, ICommandLineOptions options, List<QualityGatesException> errors)
    {
        var (text, source) = Override(options, GateCommandLineProvider.Enabled, file, Prefix + "Enabled");
        return Guard(errors, () => SwitchSetting.Parse(text, source, whenEmpty: true), true);
    }

    /// <summary>The request without this run's results (<see cref="GateRunRequest.Run"/> is the caller's).</summary>
    public static GateRunRequest Read(GateSettingsFile file, ICommandLineOptions options, Func<string, string?> environment, List<QualityGatesException> errors)
    {
        var projectDirectory = file["ProjectDirectory"] ?? AppContext.BaseDirectory;
        var (context, contextSource) = Override(options, GateCommandLineProvider.Context, file, Prefix + "Context");
        var (newCode, newCodeSource) = Override(options, GateCommandLineProvider.NewCode, file, Prefix + "NewCode");
        var (baseRef, baseRefSource) = Override(options, GateCommandLineProvider.BaseRef, file, Prefix + "BaseRef");
        var (diff, diffSource) = Override(options, GateCommandLineProvider.NewCodeDiff, file, Prefix + "NewCodeDiff");
        var (ratchet, ratchetSource) = Override(options, GateCommandLineProvider.Ratchet, file, Prefix + "Ratchet");
        var (baselineReport, _) = Override(options, GateCommandLineProvider.BaselineReport, file, Prefix + "BaselineReport");
        var (waivers, waiversSource) = Override(options, GateCommandLineProvider.WaiversFile, file, Prefix + "WaiversFile");
        var (reportDirectory, _) = Override(options, GateCommandLineProvider.ReportDirectory, file, "ReportDirectory");
        var security = List(file[Prefix + "SecurityScanFiles"]);
        var modelFile = file[Prefix + "ModelMetricsFile"];
        var baselineFile = file[Prefix + "BaselineFile"];
        var defaultGroups = GateGroups.Default(modelFile is not null || baselineFile is not null, security.Count > 0);
        var webhookAlways = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "WebhookAlways"], Prefix + "WebhookAlways", whenEmpty: false));
        var approveOnPass = Guard(errors, () => SwitchSetting.Parse(file[ApproveOnPassProperty], ApproveOnPassProperty, whenEmpty: false));
        var (modelName, modelVersion) = (file[Prefix + "ModelName"], file[Prefix + "ModelVersion"]);
        var model = approveOnPass
            ? Guard(errors, () => ModelIdentity.Create(modelName ?? string.Empty, modelVersion ?? string.Empty,
                $"{ApproveOnPassProperty} needs {Prefix}ModelName and {Prefix}ModelVersion"))
            : modelName is null ? null : new ModelIdentity(modelName, modelVersion ?? string.Empty);

        return new GateRunRequest
        {
            Context = context,
            ContextSource = contextSource,
            Overrides = GateCommandLineProvider.Thresholds
                .Select(t => (t.Threshold.Name, Setting: Override(options, t.Option, file, Prefix + t.Threshold.Name)))
                .Select(t => new ThresholdOverride(t.Name, t.Setting.Value, t.Setting.Source))
                .ToList(),
            Strict = Guard(errors, () => SwitchSetting.ParseOptional(file[Prefix + "Strict"], Prefix + "Strict")),
            Groups = Guard(errors, () => GateGroups.Parse(List(file[Prefix + "Checks"]), Prefix + "Checks", defaultGroups), defaultGroups),
            FailOnAnyTestFailure = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "FailOnAnyTestFailure"], Prefix + "FailOnAnyTestFailure", whenEmpty: false)),
            CoverageStat = Guard(errors, () => CoverageStats.Parse(file[Prefix + "CoverageStat"], Prefix + "CoverageStat")),
            Model = model,
            BaseDirectory = projectDirectory,
            CoverageFiles = options.TryGetOptionArgumentList(GateCommandLineProvider.Coverage, out var coverage) ? coverage : List(file[Prefix + "CoverageFiles"]),
            CoverageFilter = ReadCoverageFilter(file, errors),
            SecurityScanFiles = security,
            Benchmarks = List(file[Prefix + "BenchmarkFiles"]) is var benchmarks && List(file[Prefix + "BenchmarkBaselineFiles"]) is var benchmarkBaseline
                && benchmarks.Count + benchmarkBaseline.Count > 0
                ? new BenchmarkOptions
                {
                    Files = benchmarks, BaselineFiles = benchmarkBaseline, Registry = file[Prefix + "Registry"],
                    FilesSource = Prefix + "BenchmarkFiles", BaselineSource = Prefix + "BenchmarkBaselineFiles",
                }
                : null,
            TestMetricsFile = file[Prefix + "TestMetricsFile"],
            ModelMetricsFile = modelFile,
            BaselineFile = baselineFile,
            WaiversFile = waivers,
            WaiversFileSource = waiversSource,
            Reports = new ReportOptions
            {
                Folder = reportDirectory ?? Path.Combine(projectDirectory, ".quality-gates"),
                KeepReports = Guard(errors, () => ReportRetention.Parse(file[Prefix + "KeepReports"], Prefix + "KeepReports"), ReportRetention.DefaultKeep),
            },
            Registry = approveOnPass && model is not null
                ? new RegistryOptions { Folder = file[Prefix + "Registry"], ApprovedBy = file[Prefix + "ApprovedBy"], Source = ApproveOnPassProperty }
                : null,
            Publish = new CiReportOptions
            {
                CiServer = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "CiIntegration"], Prefix + "CiIntegration", whenEmpty: true), true),
                GitHubAnnotations = true,
                AzureIssues = true,
                Webhook = Guard(errors, () => WebhookOptions.FromSettings(
                    new WebhookSettings(file[Prefix + "WebhookUrl"], webhookAlways, file[Prefix + "WebhookTimeout"], Prefix + "WebhookUrl", Prefix + "WebhookTimeout"), environment)),
            },
            NewCode = Guard(errors, () => SwitchSetting.Parse(newCode, newCodeSource, whenEmpty: false))
                ? new NewCodeOptions { BaseRef = baseRef, BaseRefSource = baseRefSource, Diff = diff, DiffSource = diffSource }
                : null,
            Ratchet = Guard(errors, () => SwitchSetting.Parse(ratchet, ratchetSource, whenEmpty: false))
                ? new RatchetOptions { BaselineReport = baselineReport, Registry = file[Prefix + "Registry"], Source = ratchetSource }
                : null,
            Environment = environment,
            Solution = ReadSolution(file, environment, errors),
        };
    }

    /// <summary>
    /// Set by <c>dotnet test</c> for each test application it starts (SDK 10.0.401, one id per application):
    /// only then is the application part of a solution run. Run directly, it is judged alone (QG0019).
    /// </summary>
    internal const string DotnetTestVariable = "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID";

    /// <summary>QualityGatesScope and the solution's report folder the build wrote; null for Project (the default).</summary>
    private static SolutionOptions? ReadSolution(GateSettingsFile file, Func<string, string?> environment, List<QualityGatesException> errors)
    {
        var scope = Guard(errors, () => SolutionOptions.ParseScope(file[Prefix + "Scope"], Prefix + "Scope"));
        return scope == GateScope.Project || file["ProjectFile"] is not { } projectFile ? null : new SolutionOptions
        {
            Scope = scope,
            Directory = string.IsNullOrEmpty(environment(DotnetTestVariable)) ? null : file["SolutionReportDirectory"],
            ProjectFile = projectFile,
            Source = Prefix + "Scope",
        };
    }

    /// <summary>The assemblies this extension brings into the test application (Cobertura package names).</summary>
    internal static readonly string[] GateAssemblies = ["QualityGates.Core", "QualityGates.Testing.Platform"];

    /// <summary>The coverage filter as the MSBuild task builds it: by default the test assembly itself is left out.</summary>
    private static CoverageFilter ReadCoverageFilter(GateSettingsFile file, List<QualityGatesException> errors)
    {
        var excludeTestAssembly = Guard(errors, () => SwitchSetting.Parse(file[Prefix + "CoverageExcludeTestAssembly"], Prefix + "CoverageExcludeTestAssembly", whenEmpty: true));
        var testAssembly = file["TestAssemblyName"];
        return new CoverageFilter
        {
            IncludeAssemblies = List(file[Prefix + "CoverageIncludeAssemblies"]),
            // The gate's own assemblies sit in the test application's folder, so a collector that instruments
            // every loaded assembly (Microsoft's) counts them: they are never part of the product's figure.
            ExcludeAssemblies = [.. List(file[Prefix + "CoverageExcludeAssemblies"]), .. GateAssemblies,
                .. excludeTestAssembly && !string.IsNullOrWhiteSpace(testAssembly) ? [testAssembly.Trim()] : Array.Empty<string>()],
            IncludeFiles = List(file[Prefix + "CoverageIncludeFiles"]),
            ExcludeFiles = List(file[Prefix + "CoverageExcludeFiles"]),
        };
    }

    private static IReadOnlyList<string> List(string? value) => ListSetting.NonEmpty([value ?? string.Empty]);

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
