using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Inputs.Cobertura;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running.Solution;
using static QualityGates.Configuration.Settings.SettingsCatalogue;

namespace QualityGates.Running;

/// <summary>
/// What an adapter knows besides the settings: where paths resolve, this run's own results, the
/// project it runs for. The MSBuild task, the CLI and the test-platform extension each fill it from
/// their own world; the settings map into the request the same way for all three.
/// </summary>
internal sealed record RunContext
{
    /// <summary>Relative paths and globs resolve here (the project folder, or the CLI's current folder).</summary>
    public string BaseDirectory { get; init; } = System.Environment.CurrentDirectory;

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>What the test run itself produced.</summary>
    public RunInputs Run { get; init; } = RunInputs.None;

    /// <summary>The test project's own assembly, left out of coverage unless QualityGatesCoverageExcludeTestAssembly is false; null when unknown.</summary>
    public string? TestAssemblyName { get; init; }

    /// <summary>Assemblies never counted in coverage whatever the settings say (the test-platform extension's own).</summary>
    public IReadOnlyList<string> ExcludedAssemblies { get; init; } = [];

    /// <summary>The project file (full path) for a solution gate; null where there is no project (the CLI).</summary>
    public string? ProjectFile { get; init; }

    /// <summary>False when this run cannot be part of a solution run (a test application started directly, not by dotnet test).</summary>
    public bool InSolutionRun { get; init; } = true;

    /// <summary>The solution run the solution's build started this project in (VSTest); null for a test application, which finds its own.</summary>
    public string? SolutionRunId { get; init; }

    /// <summary>True for the solution's build after every project's tests (VSTest): judge <see cref="SolutionRunId"/> from its hand-ins.</summary>
    public bool SolutionVerdict { get; init; }
}

/// <summary>
/// Maps checked settings (<see cref="SettingValues"/>) into the engine's <see cref="GateRunRequest"/>:
/// the one place each setting is used by the run, whichever adapter gave it.
/// </summary>
internal static class SettingsRequest
{
    /// <summary>The request; mistakes only the whole request shows (a model that cannot be recorded) go to <paramref name="errors"/>.</summary>
    public static GateRunRequest Build(SettingValues settings, RunContext context, DiagnosticBag errors)
    {
        var s = settings;
        var security = s.List(SecurityScanFiles);
        var defaultGroups = GateGroups.Default(s.IsSet(ModelMetricsFile) || s.IsSet(ModelBaselineFile), security.Count > 0);
        var approveOnPass = s.Switch(ApproveOnPass);
        var (model, modelError) = ReadModel(s, approveOnPass, errors);
        var excludeTestAssembly = s.Switch(CoverageExcludeTestAssembly) && !string.IsNullOrWhiteSpace(context.TestAssemblyName);
        return new GateRunRequest
        {
            Names = s.Names,
            Context = s.Text(SettingsCatalogue.Context) ?? GateRunRequest.DefaultContext,
            ContextSource = s.Source(SettingsCatalogue.Context),
            Overrides = Thresholds
                .Where(s.IsSet)
                .Select(t => new ThresholdOverride(t.Threshold!.Name, t.Threshold.ToEngine(s.Text(t)!), s.Source(t)))
                .ToList(),
            Strict = s.OptionalSwitch(Strict),
            AllowAbortedRun = s.Switch(AllowAbortedRun),
            FailOnAnyTestFailure = s.Switch(FailOnAnyTestFailure),
            TargetFramework = s.Text(SettingsCatalogue.TargetFramework),
            Groups = GateGroups.Parse(s.List(Checks), s.Source(Checks), defaultGroups),
            CoverageStat = CoverageStats.Parse(s.Text(SettingsCatalogue.CoverageStat), s.Source(SettingsCatalogue.CoverageStat)),
            Model = model,
            BaseDirectory = context.BaseDirectory,
            TestResultFiles = s.List(TestResultFiles),
            CoverageFiles = s.List(CoverageFiles),
            CoverageFilter = new CoverageFilter
            {
                IncludeAssemblies = s.List(CoverageIncludeAssemblies),
                ExcludeAssemblies = [.. s.List(CoverageExcludeAssemblies), .. context.ExcludedAssemblies,
                    .. excludeTestAssembly ? [context.TestAssemblyName!.Trim()] : Array.Empty<string>()],
                IncludeFiles = s.List(CoverageIncludeFiles),
                ExcludeFiles = s.List(CoverageExcludeFiles),
            },
            SecurityScanFiles = security,
            Benchmarks = s.List(BenchmarkFiles) is var benchmarks && s.List(BenchmarkBaselineFiles) is var benchmarkBaseline && benchmarks.Count + benchmarkBaseline.Count > 0
                ? new BenchmarkOptions { Files = benchmarks, BaselineFiles = benchmarkBaseline, Registry = s.Text(SettingsCatalogue.Registry) }
                : null,
            TestMetricsFile = s.Text(TestMetricsFile),
            ModelMetricsFile = s.Text(ModelMetricsFile),
            BaselineFile = s.Text(ModelBaselineFile),
            Run = context.Run,
            Reports = new ReportOptions
            {
                Folder = s.Text(ReportDirectory),
                KeepReports = s.Text(KeepReports) is { } keep ? int.Parse(keep, CultureInfo.InvariantCulture) : ReportRetention.DefaultKeep,
                JUnitFile = s.Text(JUnitFile),
                Json = s.Switch(Json),
            },
            Registry = approveOnPass && !modelError
                ? new RegistryOptions { Folder = s.Text(SettingsCatalogue.Registry), ApprovedBy = s.Text(ApprovedBy), Source = s.Source(ApproveOnPass) }
                : null,
            Publish = new CiReportOptions { CiServer = s.Switch(CiIntegration), Webhook = ReadWebhook(s, context, errors) },
            NewCode = s.Switch(NewCode)
                ? new NewCodeOptions { BaseRef = s.Text(BaseRef), BaseRefSource = s.Source(BaseRef), Diff = s.Text(NewCodeDiff), DiffSource = s.Source(NewCodeDiff) }
                : null,
            Ratchet = s.Switch(Ratchet)
                ? new RatchetOptions { BaselineReport = s.Text(BaselineReport), Registry = s.Text(SettingsCatalogue.Registry), Source = s.Source(Ratchet) }
                : null,
            Environment = context.Environment,
            WaiversFile = s.Text(WaiversFile),
            WaiversFileSource = s.Source(WaiversFile),
            Solution = ReadSolution(s, context),
        };
    }

    /// <summary>
    /// The model: <c>name:version</c> checked as a whole (the CLI's <c>--model</c>), or a name and version
    /// given apart, checked (QG0005) when approve-on-pass will record them in the registry.
    /// </summary>
    private static (ModelIdentity? Model, bool Failed) ReadModel(SettingValues s, bool approveOnPass, DiagnosticBag errors)
    {
        try
        {
            if (s.Text(Model) is { } both)
            {
                return (ModelIdentity.Parse(both, s.Source(Model)), false);
            }

            var (name, version) = (s.Text(ModelName), s.Text(ModelVersion));
            if (approveOnPass && s.Names.Has(ModelName))
            {
                return (ModelIdentity.Create(name ?? string.Empty, version ?? string.Empty,
                    $"{s.Source(ApproveOnPass)} needs {s.Names.ModelSettings}"), false);
            }

            return (name is null ? null : new ModelIdentity(name, version ?? string.Empty), false);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return (null, true);
        }
    }

    private static WebhookOptions? ReadWebhook(SettingValues s, RunContext context, DiagnosticBag errors)
    {
        try
        {
            return WebhookOptions.FromSettings(
                new WebhookSettings(s.Text(WebhookUrl), s.Switch(WebhookAlways), s.Text(WebhookTimeout), s.Source(WebhookUrl), s.Source(WebhookTimeout)),
                context.Environment);
        }
        catch (QualityGatesException ex)
        {
            // The URL from QUALITYGATES_WEBHOOK_URL: the settings' own were checked already.
            errors.Add(ex);
            return null;
        }
    }

    /// <summary>The project's part in a solution gate; null for Project (the default) or where there is no project.</summary>
    private static SolutionOptions? ReadSolution(SettingValues s, RunContext context)
    {
        var scope = SolutionOptions.ParseScope(s.Text(Scope), s.Source(Scope));
        return scope == GateScope.Project || string.IsNullOrWhiteSpace(context.ProjectFile) ? null : new SolutionOptions
        {
            Scope = scope,
            Directory = context.InSolutionRun ? s.Text(SolutionReportDirectory) : null,
            ProjectFile = context.ProjectFile,
            RunId = context.SolutionRunId,
            Verdict = context.SolutionVerdict,
            Source = s.Source(Scope),
        };
    }
}
