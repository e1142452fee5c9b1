using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using QualityGates.MSBuild.Discovery;
using QualityGates.MSBuild.Logging;
using QualityGates.MSBuild.Settings;
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

    /// <summary>One item per check: identity = gate name; metadata Gate, Status, Value, Threshold, Message, Code, Context.</summary>
    [Output]
    public ITaskItem[] Results { get; private set; } = [];

    /// <summary>The report files written (junit-gates.xml and the JSON report).</summary>
    [Output]
    public ITaskItem[] ReportFiles { get; private set; } = [];

    public override bool Execute()
    {
        var clock = Stopwatch.StartNew();
        var projectFile = string.IsNullOrWhiteSpace(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFile;
        var settingErrors = new List<QualityGatesException>();
        var request = BuildRequest(settingErrors, out var failOnAnyTestFailure);
        EchoInputs(request);

        var outcome = new GateRunner().Run(request);
        foreach (var error in settingErrors.Concat(outcome.Errors))
        {
            Log.LogCodedError(error, projectFile);
        }

        if (outcome.Report is { } report && settingErrors.Count == 0)
        {
            LogReport(report, projectFile);
            if (failOnAnyTestFailure)
            {
                LogAnyTestFailure(report.Inputs.Tests, projectFile);
            }

            Results = ResultItems.From(report);
            ReportFiles = ReportOutput.Write(report, ReportDirectory, Log, projectFile);
        }

        Log.LogMessage(MessageImportance.Low, "[timing] quality gates took {0} ms",
            clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        return !Log.HasLoggedErrors;
    }

    private GateRunRequest BuildRequest(List<QualityGatesException> errors, out bool failOnAnyTestFailure)
    {
        Guard(errors, () => SwitchSetting.Parse(Enabled, Prefix + "Enabled", whenEmpty: true));
        var strict = Guard(errors, () => SwitchSetting.Parse(Strict, Prefix + "Strict", whenEmpty: false));
        failOnAnyTestFailure = Guard(errors, () => SwitchSetting.Parse(FailOnAnyTestFailure, Prefix + "FailOnAnyTestFailure", whenEmpty: false));
        var groups = Guard(errors, () => CheckGroupsSetting.Parse(NonEmpty(Checks), Prefix + "Checks"), GateGroup.All);
        var testResults = Guard(errors, ThisRunsTestResults, []);

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
            CoverageFiles = ThisRunsCoverage(testResults, groups),
            SecurityScanFiles = NonEmpty(SecurityScanFiles),
            TestMetricsFile = NullIfEmpty(TestMetricsFile),
            ModelMetricsFile = NullIfEmpty(ModelMetricsFile),
            BaselineFile = NullIfEmpty(BaselineFile),
        };
    }

    /// <summary>The user's files when named; otherwise the TRX this run wrote (ours, or the newest of the user's logger).</summary>
    private IReadOnlyList<string> ThisRunsTestResults()
    {
        var named = NonEmpty(TestResultFiles);
        if (named.Count > 0)
        {
            return named;
        }

        if (!string.IsNullOrWhiteSpace(RunTestResultFile))
        {
            return [RunTestResultFile.Trim()];
        }

        if (!string.IsNullOrWhiteSpace(RunResultsDirectory) && !string.IsNullOrWhiteSpace(RunStartedUtc))
        {
            var started = DateTime.TryParse(RunStartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed.ToUniversalTime()
                : DateTime.MinValue;
            return [TestRunResultFinder.FindNewest(Path.GetFullPath(RunResultsDirectory.Trim(), ProjectDirectory), started)];
        }

        return [];
    }

    /// <summary>
    /// The user's files when named; else coverlet.msbuild's report of this run; else the Cobertura files
    /// coverlet.collector attached to this run's TRX.
    /// </summary>
    private IReadOnlyList<string> ThisRunsCoverage(IReadOnlyList<string> testResults, GateGroup groups)
    {
        var named = NonEmpty(CoverageFiles);
        if (named.Count > 0)
        {
            return named;
        }

        // coverlet.msbuild may also write json, lcov or opencover files next to the Cobertura one.
        var coverlet = NonEmpty(RunCoverageFiles).Where(f => f.EndsWith(".cobertura.xml", StringComparison.OrdinalIgnoreCase)).ToList();
        if (coverlet.Count > 0 || NonEmpty(TestResultFiles).Count > 0)
        {
            return coverlet;
        }

        // Attachments are only read when coverage is judged: a run gated on tests alone needs no coverage file.
        var attachments = new List<string>();
        if ((groups & GateGroup.Coverage) == 0)
        {
            return attachments;
        }

        foreach (var trx in testResults.Where(File.Exists))
        {
            try
            {
                attachments.AddRange(TrxCoverageAttachments.Find(trx));
            }
            catch (QualityGatesException)
            {
                // The engine reads the same TRX and reports what is wrong with it, once.
            }
        }

        return attachments;
    }

    private void EchoInputs(GateRunRequest request)
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
    }

    private void LogReport(QualityGateReport report, string? projectFile)
    {
        Log.LogMessage(MessageImportance.High, SummaryTable.Render(report));
        foreach (var check in report.Checks)
        {
            if (check.Status == GateStatus.Failed)
            {
                Log.LogCodedError(check.Code ?? string.Empty, check.Message, projectFile);
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

    private void LogAnyTestFailure(TestRunSummary? tests, string? projectFile)
    {
        if (tests is null || (tests.Failed == 0 && !tests.Aborted))
        {
            return;
        }

        var what = tests.Aborted && tests.Failed == 0
            ? "The test run aborted"
            : string.Create(CultureInfo.InvariantCulture, $"{tests.Failed} of {tests.Executed} tests failed");
        Log.LogCodedError(ErrorCodes.TestFailedWithFailOnAnyTestFailure,
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

    /// <summary>
    /// The non-empty entries of a list parameter. A list given on the command line as
    /// <c>-p:X=a%3Bb</c> reaches the task as one entry "a;b", so entries are split once more.
    /// </summary>
    private static IReadOnlyList<string> NonEmpty(IEnumerable<string>? values) =>
        values?.SelectMany(v => v.Split(';')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
