using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Inputs.Cobertura;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.MSBuild.Logging;
using QualityGates.Configuration;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Running.Solution;
using QualityGates.Files;

namespace QualityGates.MSBuild;

/// <summary>
/// Runs the quality gates for one test project (one target framework). A thin adapter: it checks every
/// MSBuild setting (errors name the property, e.g. <c>QualityGatesMinTestPassRate</c>), turns them into
/// a <see cref="GateRunRequest"/>, lets <see cref="GateRun"/> do the whole run (inputs, verdict, report
/// files, registry, CI server, webhook) and logs the diagnostics that come back as coded errors and
/// warnings.
/// </summary>
public sealed class EvaluateQualityGates : Microsoft.Build.Utilities.Task
{
    private const string Prefix = "QualityGates";
    private const string ApproveOnPassProperty = Prefix + "ApproveOnPass";

    /// <summary>Relative paths and globs resolve here (the project directory).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project file errors about settings point at; default: the file holding the task call.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Where junit-gates.xml and the JSON report go; created when missing.</summary>
    [Required]
    public string ReportDirectory { get; set; } = string.Empty;

    /// <summary>The master switch, passed only so a value other than true/false is reported (QG0006).</summary>
    public string? Enabled { get; set; }

    public string? Context { get; set; }

    /// <summary>One item per threshold: identity = catalog name (<c>MinTestPassRate</c>), metadata <c>Value</c>.</summary>
    public ITaskItem[] Thresholds { get; set; } = [];

    public string? Strict { get; set; }

    public string? FailOnAnyTestFailure { get; set; }

    /// <summary><c>Total</c> (default) judges the run's total coverage; <c>Minimum</c> also every assembly on its own (QG2025, QG2026).</summary>
    public string? CoverageStat { get; set; }

    /// <summary><c>true</c> judges a test run its producer marks as aborted on its partial results; default <c>false</c> fails it.</summary>
    public string? AllowAbortedRun { get; set; }

    /// <summary>This leg's <c>$(TargetFramework)</c>; the targets pass it only when the project has several, for report names.</summary>
    public string? TargetFramework { get; set; }

    /// <summary>Check groups to run (<c>Tests;Coverage;Model;Security</c>); empty = all.</summary>
    public string[] Checks { get; set; } = [];

    public string? ModelName { get; set; }

    public string? ModelVersion { get; set; }

    /// <summary>TRX files or globs the user named; when given, they replace this run's TRX.</summary>
    public string[] TestResultFiles { get; set; } = [];

    /// <summary>Cobertura files or globs the user named; when given, they replace this run's coverage.</summary>
    public string[] CoverageFiles { get; set; } = [];

    public string[] SecurityScanFiles { get; set; } = [];

    /// <summary>BenchmarkDotNet JSON exports of this run, files or globs (QualityGatesBenchmarkFiles, items QualityGatesBenchmarkFile).</summary>
    public string[] BenchmarkFiles { get; set; } = [];

    /// <summary>The baseline's exports or an earlier gate report; empty = the registry's last approval (QualityGatesBenchmarkBaselineFiles).</summary>
    public string[] BenchmarkBaselineFiles { get; set; } = [];

    public string? TestMetricsFile { get; set; }

    public string? ModelMetricsFile { get; set; }

    public string? BaselineFile { get; set; }

    /// <summary>The TRX the package asked VSTest to write for this run (empty outside a test run).</summary>
    public string? RunTestResultFile { get; set; }

    /// <summary>
    /// When the user's own trx logger wrote this run's TRX: the results folder to find it in, and
    /// <see cref="RunStartedUtc"/> (round-trip format) to tell it from older files.
    /// </summary>
    public string? RunResultsDirectory { get; set; }

    public string? RunStartedUtc { get; set; }

    /// <summary>Cobertura files coverlet.msbuild wrote in this run (<c>@(CoverletReport)</c>).</summary>
    public string[] RunCoverageFiles { get; set; } = [];

    /// <summary>False switches the GitHub Actions and Azure Pipelines integrations off (default true).</summary>
    public string? CiIntegration { get; set; }

    /// <summary>POST the webhook payload here when blocked; default <c>QUALITYGATES_WEBHOOK_URL</c>. Never logged whole.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Also POST after a passing run (default false).</summary>
    public string? WebhookAlways { get; set; }

    /// <summary>The webhook delivery's time limit in seconds (default 5, at most 120).</summary>
    public string? WebhookTimeout { get; set; }

    /// <summary>Timestamped reports kept in the report folder (whole number, 0 = all; default 20).</summary>
    public string? KeepReports { get; set; }

    /// <summary>Approve the model version in the registry after a passing gate, record a blocked one (default false).</summary>
    public string? ApproveOnPass { get; set; }

    /// <summary>Who approves; empty = the CI or OS user (the registry's rule).</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The registry folder, relative to <see cref="ProjectDirectory"/>; empty = <c>QUALITYGATES_REGISTRY</c> or <c>models/registry</c>.</summary>
    public string? Registry { get; set; }

    /// <summary>The waivers file (issue 13), relative to <see cref="ProjectDirectory"/>; empty = <c>qualitygates.waivers.json</c> searched from the project folder up to the repository root.</summary>
    public string? WaiversFile { get; set; }

    /// <summary><c>QualityGatesCoverageReport</c>, checked here with the other settings (the targets make the report).</summary>
    public string? CoverageReport { get; set; }

    /// <summary>The ReportGenerator task assembly (<c>$(ReportGeneratorAssembly)</c>); empty when the ReportGenerator package is not referenced.</summary>
    public string? CoverageReportTool { get; set; }

    /// <summary>
    /// True (the targets): the errors found after the verdict (failed checks, report and registry
    /// failures) are not logged but returned in <see cref="DeferredErrors"/>, so hook targets can run
    /// before <see cref="LogQualityGateErrors"/> fails the build. Bad settings and inputs are logged at once.
    /// </summary>
    public bool DeferErrors { get; set; }

    /// <summary>
    /// <c>true</c>: the summary line is logged as warning QG5006, which the terminal logger shows (it hides
    /// messages at normal verbosity); <c>false</c>: a high-importance message, which every other console
    /// logger shows. The targets pass true when <c>$(_MSBUILDTLENABLED)</c> is 1 (the terminal logger is on) unless the user chose.
    /// </summary>
    public string? SummaryAsWarning { get; set; }

    // Issue 12: new-code coverage and the ratchet.
    /// <summary><c>true</c> adds <c>coverage.new_code</c> (coverage of the lines the change added or modified; runs git). Default false.</summary>
    public string? NewCode { get; set; }

    /// <summary>The branch or commit the change merges into; empty = the CI server's pull request target, else the default branch.</summary>
    public string? BaseRef { get; set; }

    /// <summary><c>WorkingTree</c> (default) or <c>Head</c>: what the change is compared as.</summary>
    public string? NewCodeDiff { get; set; }

    /// <summary><c>true</c> adds the <c>ratchet.*</c> checks. Default false.</summary>
    public string? Ratchet { get; set; }

    /// <summary>A JSON gate report to ratchet against; empty = the registry's last approval for the model and context.</summary>
    public string? BaselineReport { get; set; }

    /// <summary>Assembly patterns (Cobertura package names) the coverage figure counts; empty = all.</summary>
    public string[] CoverageIncludeAssemblies { get; set; } = [];

    /// <summary>Assembly patterns the coverage figure leaves out.</summary>
    public string[] CoverageExcludeAssemblies { get; set; } = [];

    /// <summary>Source-file globs the coverage figure counts; empty = all.</summary>
    public string[] CoverageIncludeFiles { get; set; } = [];

    /// <summary>Source-file globs the coverage figure leaves out.</summary>
    public string[] CoverageExcludeFiles { get; set; } = [];

    /// <summary>Leave <see cref="TestAssemblyName"/> out of the coverage figure (default true).</summary>
    public string? CoverageExcludeTestAssembly { get; set; }

    /// <summary>The test project's own assembly name (<c>$(AssemblyName)</c>).</summary>
    public string? TestAssemblyName { get; set; }

    // Solution scope (issue 14)
    /// <summary>QualityGatesScope: Project (default), Solution or Both.</summary>
    public string? Scope { get; set; }

    /// <summary>The solution's report folder (full path) when the project is built as part of a solution; empty otherwise.</summary>
    public string? SolutionReportDirectory { get; set; }

    /// <summary>The solution run the solution's build started this project in (VSTest, docs/solution.md); empty otherwise.</summary>
    public string? SolutionRunId { get; set; }

    /// <summary>
    /// True in the solution's build after every project's tests: judge <see cref="SolutionRunId"/> from its
    /// hand-ins with this project's settings, and hand every diagnostic and the summary line back
    /// (<see cref="DeferredErrors"/>, <see cref="DeferredWarnings"/>) for the solution to log against the solution file.
    /// </summary>
    public bool SolutionVerdict { get; set; }

    /// <summary>One item per check: identity = gate name; metadata Gate, Status, Value, Threshold, Message, Code, Context.</summary>
    [Output]
    public ITaskItem[] Results { get; private set; } = [];

    /// <summary>The report files written (metadata Kind: JUnit, Json, Latest, Html, BlockLog).</summary>
    [Output]
    public ITaskItem[] ReportFiles { get; private set; } = [];

    /// <summary><c>true</c> or <c>false</c>: the gate's verdict; empty when there is none (a bad setting or input).</summary>
    [Output]
    public string AllPassed { get; private set; } = string.Empty;

    /// <summary>The Cobertura files the gate read (full paths), for a coverage report; empty when none were read.</summary>
    [Output]
    public ITaskItem[] JudgedCoverageFiles { get; private set; } = [];

    /// <summary>With <see cref="DeferErrors"/>: the errors to log later (identity = code; metadata Code, Message, File, Line, Column).</summary>
    [Output]
    public ITaskItem[] DeferredErrors { get; private set; } = [];

    /// <summary>With <see cref="SolutionVerdict"/>: the warnings and the summary line to log later (metadata as <see cref="DeferredErrors"/>, Severity Warning or Message).</summary>
    [Output]
    public ITaskItem[] DeferredWarnings { get; private set; } = [];

    /// <summary>Reads environment variables (CI detection, the webhook URL, the registry and its user); tests inject their own.</summary>
    internal Func<string, string?> EnvironmentVariables { get; set; } = Environment.GetEnvironmentVariable;

    public override bool Execute()
    {
        var clock = Stopwatch.StartNew();
        var projectFile = string.IsNullOrWhiteSpace(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFile;
        var log = new GateErrorLog(Log, DeferErrors, projectFile, deferAll: SolutionVerdict);
        EchoInputs();
        var settingErrors = new List<QualityGatesException>();
        var request = BuildRequest(settingErrors, projectFile);

        // Workflow commands must reach the runner's stdout: high-importance messages do under the console
        // logger (the runner trims the indentation); a task never writes to the console itself.
        using var commands = new LineWriter(line => Log.LogMessage(MessageImportance.High, "{0}", line));
        var result = settingErrors.Count == 0 ? new GateRun().Execute(request, commands) : null;
        if (result is null)
        {
            foreach (var diagnostic in settingErrors.Select(GateDiagnostic.From).Concat(GateRun.Check(request)))
            {
                log.Log(diagnostic, deferrable: false);
            }
        }

        // The project's own verdict, then the solution's when this project completed the solution run.
        for (var each = result; each is not null; each = each.Solution)
        {
            LogResult(each, log, projectFile);
        }

        DeferredErrors = log.Deferred;
        DeferredWarnings = log.DeferredWarnings;
        Log.LogMessage(MessageImportance.Low, "[timing] quality gates took {0} ms",
            clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        return !Log.HasLoggedErrors;
    }

    private void LogResult(GateRunResult result, GateErrorLog log, string? projectFile)
    {
        foreach (var message in result.Messages)
        {
            Log.LogMessage(MessageImportance.High, "{0}", message);
        }

        if (result.Report is { } report)
        {
            LogReport(report, result);
            // The outputs describe the first verdict: the project's own, else the solution's.
            if (AllPassed.Length == 0)
            {
                Results = ResultItems.Checks(report);
                AllPassed = report.AllPassed ? "true" : "false";
                JudgedCoverageFiles = result.CoverageFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
                ReportFiles = ResultItems.Files(result.Files);
            }
        }

        if (result.SummaryLine is { } summary)
        {
            LogSummaryLine(summary, result.SolutionFile ?? projectFile, log);
        }

        // Errors after a verdict wait for the QualityGatesPassed / QualityGatesBlocked hooks; bad settings and inputs do not.
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Log(diagnostic, deferrable: result.Report is not null);
        }
    }

    /// <summary>Checks every setting, each error naming its property, and maps them into the engine's request.</summary>
    private GateRunRequest BuildRequest(List<QualityGatesException> errors, string? projectFile)
    {
        Guard(errors, () => SwitchSetting.Parse(Enabled, Prefix + "Enabled", whenEmpty: true));
        var strict = Guard(errors, () => SwitchSetting.ParseOptional(Strict, Prefix + "Strict"));
        var failOnAnyTestFailure = Guard(errors, () => SwitchSetting.Parse(FailOnAnyTestFailure, Prefix + "FailOnAnyTestFailure", whenEmpty: false));
        var defaultGroups = GateGroups.Default(
            !string.IsNullOrWhiteSpace(ModelMetricsFile) || !string.IsNullOrWhiteSpace(BaselineFile),
            ListSetting.NonEmpty(SecurityScanFiles).Count > 0);
        var groups = Guard(errors, () => GateGroups.Parse(ListSetting.NonEmpty(Checks), Prefix + "Checks", defaultGroups), defaultGroups);
        if (Guard(errors, () => SwitchSetting.Parse(CoverageReport, Prefix + "CoverageReport", whenEmpty: false)) && string.IsNullOrWhiteSpace(CoverageReportTool))
        {
            errors.Add(new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{Prefix}CoverageReport is true, but the ReportGenerator package is not referenced: add <PackageReference Include=\"ReportGenerator\" Version=\"5.6.0\" PrivateAssets=\"all\" /> to the test project."));
        }

        var ciServer = Guard(errors, () => SwitchSetting.Parse(CiIntegration, Prefix + "CiIntegration", whenEmpty: true));
        var webhookAlways = Guard(errors, () => SwitchSetting.Parse(WebhookAlways, Prefix + "WebhookAlways", whenEmpty: false));
        var webhook = Guard(errors, () => WebhookOptions.FromSettings(
            new WebhookSettings(WebhookUrl, webhookAlways, WebhookTimeout, Prefix + "WebhookUrl", Prefix + "WebhookTimeout"), EnvironmentVariables));
        var approveOnPass = Guard(errors, () => SwitchSetting.Parse(ApproveOnPass, ApproveOnPassProperty, whenEmpty: false));
        var model = approveOnPass
            ? Guard(errors, () => ModelIdentity.Create(ModelName ?? string.Empty, ModelVersion ?? string.Empty,
                $"{ApproveOnPassProperty} needs {Prefix}ModelName and {Prefix}ModelVersion"))
            : string.IsNullOrWhiteSpace(ModelName) ? null : new ModelIdentity(ModelName.Trim(), ModelVersion?.Trim() ?? string.Empty);

        var newCode = Guard(errors, () => SwitchSetting.Parse(NewCode, Prefix + "NewCode", whenEmpty: false));
        var ratchet = Guard(errors, () => SwitchSetting.Parse(Ratchet, Prefix + "Ratchet", whenEmpty: false));
        var excludeTestAssembly = Guard(errors, () => SwitchSetting.Parse(CoverageExcludeTestAssembly, Prefix + "CoverageExcludeTestAssembly", whenEmpty: true));
        var coverageFilter = new CoverageFilter
        {
            IncludeAssemblies = ListSetting.NonEmpty(CoverageIncludeAssemblies),
            ExcludeAssemblies = [.. ListSetting.NonEmpty(CoverageExcludeAssemblies),
                .. excludeTestAssembly && !string.IsNullOrWhiteSpace(TestAssemblyName) ? [TestAssemblyName.Trim()] : Array.Empty<string>()],
            IncludeFiles = ListSetting.NonEmpty(CoverageIncludeFiles),
            ExcludeFiles = ListSetting.NonEmpty(CoverageExcludeFiles),
        };

        return new GateRunRequest
        {
            Context = Context,
            ContextSource = Prefix + "Context",
            Overrides = Thresholds
                .Select(t => new ThresholdOverride(t.ItemSpec, t.GetMetadata("Value"), Prefix + t.ItemSpec))
                .ToList(),
            Strict = strict,
            AllowAbortedRun = Guard(errors, () => SwitchSetting.Parse(AllowAbortedRun, Prefix + "AllowAbortedRun", whenEmpty: false)),
            TargetFramework = ListSetting.NullIfEmpty(TargetFramework),
            Groups = groups,
            FailOnAnyTestFailure = failOnAnyTestFailure,
            CoverageStat = Guard(errors, () => CoverageStats.Parse(CoverageStat, Prefix + "CoverageStat")),
            Model = model,
            BaseDirectory = ProjectDirectory,
            TestResultFiles = ListSetting.NonEmpty(TestResultFiles),
            CoverageFiles = ListSetting.NonEmpty(CoverageFiles),
            CoverageFilter = coverageFilter,
            SecurityScanFiles = ListSetting.NonEmpty(SecurityScanFiles),
            Benchmarks = ListSetting.NonEmpty(BenchmarkFiles).Count + ListSetting.NonEmpty(BenchmarkBaselineFiles).Count > 0
                ? new BenchmarkOptions
                {
                    Files = ListSetting.NonEmpty(BenchmarkFiles), BaselineFiles = ListSetting.NonEmpty(BenchmarkBaselineFiles), Registry = ListSetting.NullIfEmpty(Registry),
                    FilesSource = Prefix + "BenchmarkFiles", BaselineSource = Prefix + "BenchmarkBaselineFiles",
                }
                : null,
            TestMetricsFile = ListSetting.NullIfEmpty(TestMetricsFile),
            ModelMetricsFile = ListSetting.NullIfEmpty(ModelMetricsFile),
            BaselineFile = ListSetting.NullIfEmpty(BaselineFile),
            Run = new RunInputs
            {
                TestResultFile = ListSetting.NullIfEmpty(RunTestResultFile),
                ResultsDirectory = ListSetting.NullIfEmpty(RunResultsDirectory),
                // Set by the targets, never by a user: an unreadable time takes every TRX of the folder.
                StartedUtc = string.IsNullOrWhiteSpace(RunStartedUtc) ? null
                    : DateTime.TryParse(RunStartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
                        ? started.ToUniversalTime() : DateTime.MinValue,
                CoverageFiles = ListSetting.NonEmpty(RunCoverageFiles),
            },
            Reports = new ReportOptions
            {
                Folder = ReportDirectory,
                KeepReports = Guard(errors, () => ReportRetention.Parse(KeepReports, Prefix + "KeepReports"), ReportRetention.DefaultKeep),
            },
            Registry = approveOnPass && model is not null
                ? new RegistryOptions { Folder = ListSetting.NullIfEmpty(Registry), ApprovedBy = ApprovedBy, Source = ApproveOnPassProperty }
                : null,
            // GitHubAnnotations stays on: our errors carry no line, so setup-dotnet's problem matcher
            // does not annotate them and the ::error commands are the only annotations (docs/msbuild.md).
            Publish = new CiReportOptions { CiServer = ciServer, GitHubAnnotations = true, AzureIssues = true, Webhook = webhook },
            NewCode = newCode
                ? new NewCodeOptions { BaseRef = ListSetting.NullIfEmpty(BaseRef), BaseRefSource = Prefix + "BaseRef", Diff = ListSetting.NullIfEmpty(NewCodeDiff), DiffSource = Prefix + "NewCodeDiff" }
                : null,
            Ratchet = ratchet
                ? new RatchetOptions { BaselineReport = ListSetting.NullIfEmpty(BaselineReport), Registry = ListSetting.NullIfEmpty(Registry), Source = Prefix + "Ratchet" }
                : null,
            Environment = EnvironmentVariables,
            WaiversFile = ListSetting.NullIfEmpty(WaiversFile),
            WaiversFileSource = Prefix + "WaiversFile",
            Solution = Solution(errors, projectFile),
        };
    }

    /// <summary>QualityGatesScope and the solution's report folder; null for Project (the default).</summary>
    private SolutionOptions? Solution(List<QualityGatesException> errors, string? projectFile)
    {
        var scope = Guard(errors, () => SolutionOptions.ParseScope(Scope, Prefix + "Scope"));
        return scope == GateScope.Project || string.IsNullOrWhiteSpace(projectFile) ? null : new SolutionOptions
        {
            Scope = scope,
            Directory = ListSetting.NullIfEmpty(SolutionReportDirectory),
            ProjectFile = projectFile,
            RunId = ListSetting.NullIfEmpty(SolutionRunId),
            Verdict = SolutionVerdict,
            Source = Prefix + "Scope",
        };
    }

    /// <summary>Echoes every setting as given, under its MSBuild property name.</summary>
    private void EchoInputs()
    {
        Log.LogInput(Prefix + "Enabled", Enabled);
        Log.LogInput(Prefix + "Context", Context);
        foreach (var threshold in Thresholds.Where(t => !string.IsNullOrWhiteSpace(t.GetMetadata("Value"))))
        {
            Log.LogInput(Prefix + threshold.ItemSpec, threshold.GetMetadata("Value"));
        }

        Log.LogInput(Prefix + "Strict", Strict);
        Log.LogInput(Prefix + "FailOnAnyTestFailure", FailOnAnyTestFailure);
        Log.LogInput(Prefix + "AllowAbortedRun", AllowAbortedRun);
        Log.LogInput(Prefix + "CoverageStat", CoverageStat);
        Log.LogInput("TargetFramework", TargetFramework);
        Log.LogInput(Prefix + "Checks", ListSetting.NonEmpty(Checks));
        Log.LogInput(Prefix + "ModelName", ModelName);
        Log.LogInput(Prefix + "ModelVersion", ModelVersion);
        Log.LogInput(Prefix + "ReportDirectory", ReportDirectory);
        Log.LogInput(Prefix + "KeepReports", KeepReports);
        Log.LogInput(Prefix + "TestResultFiles", ListSetting.NonEmpty(TestResultFiles));
        Log.LogInput(Prefix + "CoverageFiles", ListSetting.NonEmpty(CoverageFiles));
        Log.LogInput(Prefix + "CoverageIncludeAssemblies", ListSetting.NonEmpty(CoverageIncludeAssemblies));
        Log.LogInput(Prefix + "CoverageExcludeAssemblies", ListSetting.NonEmpty(CoverageExcludeAssemblies));
        Log.LogInput(Prefix + "CoverageIncludeFiles", ListSetting.NonEmpty(CoverageIncludeFiles));
        Log.LogInput(Prefix + "CoverageExcludeFiles", ListSetting.NonEmpty(CoverageExcludeFiles));
        Log.LogInput(Prefix + "CoverageExcludeTestAssembly", CoverageExcludeTestAssembly);
        Log.LogInput(Prefix + "SecurityScanFiles", ListSetting.NonEmpty(SecurityScanFiles));
        Log.LogInput(Prefix + "BenchmarkFiles", ListSetting.NonEmpty(BenchmarkFiles));
        Log.LogInput(Prefix + "BenchmarkBaselineFiles", ListSetting.NonEmpty(BenchmarkBaselineFiles));
        Log.LogInput(Prefix + "TestMetricsFile", TestMetricsFile);
        Log.LogInput(Prefix + "ModelMetricsFile", ModelMetricsFile);
        Log.LogInput(Prefix + "BaselineFile", BaselineFile);
        Log.LogInput(Prefix + "CiIntegration", CiIntegration);
        // Only where the webhook goes: its URL may hold a secret token.
        Log.LogInput(Prefix + "WebhookUrl", Endpoint(WebhookUrl));
        Log.LogInput(Prefix + "WebhookAlways", WebhookAlways);
        Log.LogInput(Prefix + "WebhookTimeout", WebhookTimeout);
        Log.LogInput(ApproveOnPassProperty, ApproveOnPass);
        Log.LogInput(Prefix + "ApprovedBy", ApprovedBy);
        // A database as postgresql://user@host:port/db: never a password, even one the setting wrongly holds.
        Log.LogInput(Prefix + "Registry", RegistryLocation.Display(Registry));
        Log.LogInput(Prefix + "CoverageReport", CoverageReport);
        Log.LogInput(Prefix + "NewCode", NewCode);
        Log.LogInput(Prefix + "BaseRef", BaseRef);
        Log.LogInput(Prefix + "NewCodeDiff", NewCodeDiff);
        Log.LogInput(Prefix + "Ratchet", Ratchet);
        Log.LogInput(Prefix + "BaselineReport", BaselineReport);
        Log.LogInput(Prefix + "WaiversFile", WaiversFile);
        Log.LogInput(Prefix + "Scope", Scope);
        Log.LogInput(Prefix + "SolutionReportDirectory", SolutionReportDirectory);
        Log.LogInput("SolutionRunId", SolutionRunId);
        Log.LogInput("SolutionVerdict", SolutionVerdict ? "true" : string.Empty);
    }

    private void LogReport(QualityGateReport report, GateRunResult result)
    {
        Log.LogMessage(MessageImportance.High, SummaryTable.Render(report));
        foreach (var check in report.Checks.Where(c => !c.Failed))
        {
            Log.LogMessage(MessageImportance.Normal, "{0} {1}: {2}", SummaryTable.StatusWord(check.Status), check.Gate, ConsoleText.Neutralise(check.Message));
        }

        // The files actually read, after globs and the run's own TRX and coverage were resolved.
        foreach (var line in result.InputLines)
        {
            Log.LogMessage(MessageImportance.Normal, "{0}", line);
        }

        if (result.Files is { } files)
        {
            Log.LogMessage(MessageImportance.Normal, "Quality gate reports: {0}, {1}, {2}",
                ConsoleText.Neutralise(files.JUnit), ConsoleText.Neutralise(files.Json), ConsoleText.Neutralise(files.Html));
        }

        if (result.RegistryRecord is { } record)
        {
            Log.LogMessage(MessageImportance.High, "Quality gates registry: {0} {1} {2} for {3} by {4} ({5})",
                record.Model.Name, record.Model.Version, RegistryRecordKinds.NameOf(record.Kind), report.ContextName,
                ConsoleText.Neutralise(record.By), ConsoleText.Neutralise(record.File));
        }
    }

    /// <summary>The one line every console mode shows: a warning under the terminal logger, else a high-importance message.</summary>
    private void LogSummaryLine(string summary, string? projectFile, GateErrorLog log)
    {
        var asWarning = false;
        try
        {
            asWarning = SwitchSetting.Parse(SummaryAsWarning, Prefix + "SummaryAsWarning", whenEmpty: false);
        }
        catch (QualityGatesException ex)
        {
            Log.LogWarning(null, ex.Code, null, projectFile, 0, 0, 0, 0, "{0}", ex.Message);
        }

        if (asWarning)
        {
            log.Log(GateDiagnostic.Warning(ErrorCodes.SummaryLine, summary, projectFile), deferrable: true);
        }
        else
        {
            log.Message(summary);
        }
    }

    /// <summary>Scheme, host and port of a URL as written; the rest may be a secret. Empty when unset or unreadable.</summary>
    private static string Endpoint(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var parsed) ? parsed.Scheme + "://" + parsed.Authority : string.Empty;

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
