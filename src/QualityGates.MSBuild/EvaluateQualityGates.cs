using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.MSBuild.Discovery;
using QualityGates.MSBuild.Integrations;
using QualityGates.MSBuild.Logging;
using QualityGates.MSBuild.Settings;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.MSBuild;

/// <summary>
/// Runs the quality gates for one test project (one target framework) and writes the reports. A thin
/// adapter: it turns MSBuild properties and items into a <see cref="GateRunRequest"/>, lets
/// <see cref="GateRunner"/> do all parsing and judging, and logs the outcome as coded errors and
/// messages. Property names in errors are the user's (<c>QualityGatesMinTestPassRate</c>).
/// </summary>
public sealed class EvaluateQualityGates : Microsoft.Build.Utilities.Task
{
    private const string Prefix = "QualityGates";

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

    /// <summary>Check groups to run (<c>Tests;Coverage;Model;Security</c>); empty = all.</summary>
    public string[] Checks { get; set; } = [];

    public string? ModelName { get; set; }

    public string? ModelVersion { get; set; }

    /// <summary>TRX files or globs the user named; when given, they replace this run's TRX.</summary>
    public string[] TestResultFiles { get; set; } = [];

    /// <summary>Cobertura files or globs the user named; when given, they replace this run's coverage.</summary>
    public string[] CoverageFiles { get; set; } = [];

    public string[] SecurityScanFiles { get; set; } = [];

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

    /// <summary>Approve the model version in the registry after a passing gate, record a blocked one (default false).</summary>
    public string? ApproveOnPass { get; set; }

    /// <summary>Who approves; empty = the CI or OS user (the registry's rule).</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The registry folder, relative to <see cref="ProjectDirectory"/>; empty = <c>QUALITYGATES_REGISTRY</c> or <c>models/registry</c>.</summary>
    public string? Registry { get; set; }

    /// <summary>
    /// True (the targets): the errors found after the verdict (failed checks, QG2012, report and registry
    /// failures) are not logged but returned in <see cref="DeferredErrors"/>, so hook targets can run
    /// before <see cref="LogQualityGateErrors"/> fails the build. Bad settings and inputs are logged at once.
    /// </summary>
    public bool DeferErrors { get; set; }

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

    /// <summary>Reads environment variables (CI detection, the webhook URL, the registry and its user); tests inject their own.</summary>
    internal Func<string, string?> EnvironmentVariables { get; set; } = Environment.GetEnvironmentVariable;

    public override bool Execute()
    {
        var clock = Stopwatch.StartNew();
        var projectFile = string.IsNullOrWhiteSpace(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFile;
        var settingErrors = new List<QualityGatesException>();
        var request = BuildRequest(settingErrors, out var settings);
        EchoInputs(request, settings);

        var outcome = new GateRunner().Run(request);
        foreach (var error in settingErrors.Concat(outcome.Errors))
        {
            Log.LogCodedError(error, projectFile);
        }

        if (outcome.Report is { } report && settingErrors.Count == 0)
        {
            var errors = new GateErrorLog(Log, DeferErrors);
            LogReport(report, errors, projectFile);
            if (settings.FailOnAnyTestFailure)
            {
                LogAnyTestFailure(report.Inputs.Tests, errors, projectFile);
            }

            Results = ResultItems.From(report);
            AllPassed = report.AllPassed ? "true" : "false";
            JudgedCoverageFiles = report.Inputs.Coverage is null ? []
                : FilePatterns.Expand(request.CoverageFiles, ProjectDirectory).Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            var ci = CiBuildInfo.FromEnvironment(EnvironmentVariables);
            var files = ReportOutput.Write(report, ReportDirectory, ci, errors, Log, projectFile);
            ReportFiles = ReportOutput.Items(files);
            settings.Registry?.Record(report, files?.Json, errors, Log, projectFile);
            CiPublishing.Publish(report, files, ci, settings.CiIntegration, settings.Webhook, EnvironmentVariables, Log, projectFile);
            DeferredErrors = errors.Deferred;
        }

        Log.LogMessage(MessageImportance.Low, "[timing] quality gates took {0} ms",
            clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        return !Log.HasLoggedErrors;
    }

    private GateRunRequest BuildRequest(List<QualityGatesException> errors, out TaskSettings settings)
    {
        Guard(errors, () => SwitchSetting.Parse(Enabled, Prefix + "Enabled", whenEmpty: true));
        var strict = Guard(errors, () => SwitchSetting.ParseOptional(Strict, Prefix + "Strict"));
        var failOnAnyTestFailure = Guard(errors, () => SwitchSetting.Parse(FailOnAnyTestFailure, Prefix + "FailOnAnyTestFailure", whenEmpty: false));
        var defaultGroups = CheckGroupsSetting.Default(
            !string.IsNullOrWhiteSpace(ModelMetricsFile) || !string.IsNullOrWhiteSpace(BaselineFile),
            ListSetting.NonEmpty(SecurityScanFiles).Count > 0);
        var groups = Guard(errors, () => CheckGroupsSetting.Parse(ListSetting.NonEmpty(Checks), Prefix + "Checks", defaultGroups), defaultGroups);
        var namedTestResults = ListSetting.NonEmpty(TestResultFiles);
        var testResults = Guard(errors, () => RunInputs.TestResults(namedTestResults, RunTestResultFile, RunResultsDirectory, RunStartedUtc, ProjectDirectory), []);
        settings = new TaskSettings(
            failOnAnyTestFailure,
            Guard(errors, () => SwitchSetting.Parse(CiIntegration, Prefix + "CiIntegration", whenEmpty: true)),
            Guard(errors, () => WebhookSetting.Parse(WebhookUrl, WebhookAlways, WebhookTimeout, EnvironmentVariables)),
            Guard(errors, () => SwitchSetting.Parse(ApproveOnPass, RegistryRecording.ApproveOnPassProperty, whenEmpty: false))
                ? Guard(errors, () => RegistryRecording.Prepare(Registry, ApprovedBy, ModelName, ModelVersion, ProjectDirectory, EnvironmentVariables))
                : null);

        return new GateRunRequest
        {
            Context = Context,
            ContextSource = Prefix + "Context",
            Overrides = Thresholds
                .Select(t => new ThresholdOverride(t.ItemSpec, t.GetMetadata("Value"), Prefix + t.ItemSpec))
                .ToList(),
            Strict = strict,
            Groups = groups,
            Model = string.IsNullOrWhiteSpace(ModelName) ? null : new ModelIdentity(ModelName.Trim(), ModelVersion?.Trim() ?? string.Empty),
            BaseDirectory = ProjectDirectory,
            TestResultFiles = testResults,
            CoverageFiles = RunInputs.Coverage(ListSetting.NonEmpty(CoverageFiles), ListSetting.NonEmpty(RunCoverageFiles),
                namedTestResults.Count > 0, testResults, groups),
            SecurityScanFiles = ListSetting.NonEmpty(SecurityScanFiles),
            TestMetricsFile = ListSetting.NullIfEmpty(TestMetricsFile),
            ModelMetricsFile = ListSetting.NullIfEmpty(ModelMetricsFile),
            BaselineFile = ListSetting.NullIfEmpty(BaselineFile),
        };
    }

    private void EchoInputs(GateRunRequest request, TaskSettings settings)
    {
        Log.LogInput(Prefix + "Enabled", Enabled);
        Log.LogInput(Prefix + "Context", Context);
        foreach (var threshold in Thresholds.Where(t => !string.IsNullOrWhiteSpace(t.GetMetadata("Value"))))
        {
            Log.LogInput(Prefix + threshold.ItemSpec, threshold.GetMetadata("Value"));
        }

        Log.LogInput(Prefix + "Strict", Strict);
        Log.LogInput(Prefix + "FailOnAnyTestFailure", FailOnAnyTestFailure);
        Log.LogInput(Prefix + "Checks", Checks);
        Log.LogInput(Prefix + "ModelName", ModelName);
        Log.LogInput(Prefix + "ModelVersion", ModelVersion);
        Log.LogInput(Prefix + "ReportDirectory", ReportDirectory);
        Log.LogInput("TestResultFiles", request.TestResultFiles);
        Log.LogInput("CoverageFiles", request.CoverageFiles);
        Log.LogInput("SecurityScanFiles", request.SecurityScanFiles);
        Log.LogInput(Prefix + "TestMetricsFile", TestMetricsFile);
        Log.LogInput(Prefix + "ModelMetricsFile", ModelMetricsFile);
        Log.LogInput(Prefix + "BaselineFile", BaselineFile);
        Log.LogInput(Prefix + "CiIntegration", CiIntegration);
        // Only where the webhook goes: its URL may hold a secret token.
        Log.LogInput("Webhook", settings.Webhook?.Endpoint);
        Log.LogInput(Prefix + "WebhookAlways", WebhookAlways);
        Log.LogInput(Prefix + "WebhookTimeout", WebhookTimeout);
        Log.LogInput(RegistryRecording.ApproveOnPassProperty, ApproveOnPass);
        Log.LogInput(Prefix + "ApprovedBy", ApprovedBy);
        Log.LogInput("Registry", settings.Registry?.Folder);
    }

    private void LogReport(QualityGateReport report, GateErrorLog errors, string? projectFile)
    {
        Log.LogMessage(MessageImportance.High, SummaryTable.Render(report));
        foreach (var check in report.Checks)
        {
            if (check.Status == GateStatus.Failed)
            {
                errors.Error(check.Code ?? string.Empty, check.Message, projectFile);
            }
            else
            {
                Log.LogMessage(MessageImportance.Normal, "{0} {1}: {2}", SummaryTable.StatusWord(check.Status), check.Gate, check.Message);
            }
        }

        foreach (var warning in report.Warnings)
        {
            Log.LogWarning(warning);
        }
    }

    private static void LogAnyTestFailure(TestRunSummary? tests, GateErrorLog errors, string? projectFile)
    {
        if (tests is null || (tests.Failed == 0 && !tests.Aborted))
        {
            return;
        }

        var what = tests.Aborted && tests.Failed == 0
            ? "The test run aborted"
            : string.Create(CultureInfo.InvariantCulture, $"{tests.Failed} of {tests.Executed} tests failed");
        errors.Error(ErrorCodes.TestFailedWithFailOnAnyTestFailure,
            $"{what}, and {Prefix}FailOnAnyTestFailure is true, so any failed test fails the build.", projectFile);
    }

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
