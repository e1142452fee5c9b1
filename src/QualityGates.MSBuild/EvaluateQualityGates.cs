using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.MSBuild.Logging;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.MSBuild;

/// <summary>
/// Runs the quality gates for one test project (one target framework). A thin adapter: it reads every
/// setting from <see cref="Settings"/> (one item per MSBuild property, collected by the generated
/// QualityGates.MSBuild.Settings.targets), lets the engine's settings catalogue check them (errors name the
/// property, e.g. <c>QualityGatesMinTestPassRate</c>) and map them into a <see cref="GateRunRequest"/>, lets
/// <see cref="GateRun"/> do the whole run (inputs, verdict, report files, registry, CI server, webhook) and
/// logs the diagnostics that come back as coded errors and warnings.
/// </summary>
public sealed class EvaluateQualityGates : Microsoft.Build.Utilities.Task
{
    /// <summary>One item per setting: identity = the MSBuild property (<c>QualityGatesContext</c>), metadata <c>Value</c>.</summary>
    public ITaskItem[] Settings { get; set; } = [];

    /// <summary>Relative paths and globs resolve here (the project directory).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project file errors about settings point at; default: the file holding the task call.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The test project's own assembly name (<c>$(AssemblyName)</c>), left out of coverage unless QualityGatesCoverageExcludeTestAssembly is false.</summary>
    public string? TestAssemblyName { get; set; }

    /// <summary>This leg's <c>$(TargetFramework)</c>; the targets pass it only when the project has several, for report names.</summary>
    public string? TargetFramework { get; set; }

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

    /// <summary>The ReportGenerator task assembly (<c>$(ReportGeneratorAssembly)</c>); empty when the ReportGenerator package is not referenced.</summary>
    public string? CoverageReportTool { get; set; }

    /// <summary>
    /// True (the targets): the errors found after the verdict (failed checks, report and registry
    /// failures) are not logged but returned in <see cref="DeferredErrors"/>, so hook targets can run
    /// before <see cref="LogQualityGateErrors"/> fails the build. Bad settings and inputs are logged at once.
    /// </summary>
    public bool DeferErrors { get; set; }

    /// <summary>The solution run the solution's build started this project in (VSTest, docs/solution.md); empty otherwise. The build's own plumbing, not a user setting.</summary>
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
        var settingErrors = new DiagnosticBag();
        var request = ReadRequest(projectFile, settingErrors, out var settings);
        foreach (var warning in settings.Warnings)
        {
            log.Log(warning, deferrable: false);
        }

        // Workflow commands must reach the runner's stdout: high-importance messages do under the console
        // logger (the runner trims the indentation); a task never writes to the console itself.
        using var commands = new LineWriter(line => Log.LogMessage(MessageImportance.High, "{0}", line));
        var result = settingErrors.Count == 0 ? new GateRun().Execute(request, commands) : null;
        if (result is null)
        {
            foreach (var diagnostic in settingErrors.Concat(GateRun.Check(request)))
            {
                log.Log(diagnostic, deferrable: false);
            }
        }

        // The project's own verdict, then the solution's when this project completed the solution run.
        var summaryAsWarning = settings.OptionalSwitch(SettingsCatalogue.SummaryAsWarning) ?? false;
        for (var each = result; each is not null; each = each.Solution)
        {
            LogResult(each, log, projectFile, summaryAsWarning);
        }

        DeferredErrors = log.Deferred;
        DeferredWarnings = log.DeferredWarnings;
        Log.LogMessage(MessageImportance.Low, "[timing] quality gates took {0} ms",
            clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture));
        return !Log.HasLoggedErrors;
    }

    /// <summary>The request the settings and the targets' facts give; every bad setting goes to <paramref name="errors"/>.</summary>
    internal GateRunRequest ReadRequest(string? projectFile, DiagnosticBag errors, out SettingValues settings)
    {
        settings = ReadSettings();
        errors.AddRange(settings.Errors);
        if (settings.Switch(SettingsCatalogue.CoverageReport) && string.IsNullOrWhiteSpace(CoverageReportTool))
        {
            errors.Add(new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{settings.Source(SettingsCatalogue.CoverageReport)} is true, but the ReportGenerator package is not referenced: add <PackageReference Include=\"ReportGenerator\" Version=\"5.6.0\" PrivateAssets=\"all\" /> to the test project."));
        }

        return SettingsRequest.Build(settings, RunContext(projectFile), errors);
    }

    /// <summary>Echoes every setting given, under its MSBuild property, and reads them with the catalogue's rules.</summary>
    private SettingValues ReadSettings()
    {
        var layer = new SettingLayer(Adapter.MSBuild);
        foreach (var item in Settings)
        {
            var value = item.GetMetadata("Value");
            if (!string.IsNullOrWhiteSpace(value))
            {
                var echo = SettingsCatalogue.Find(Adapter.MSBuild, item.ItemSpec)?.Setting.Echo ?? SettingEcho.AsWritten;
                Log.LogInput(item.ItemSpec, echo switch
                {
                    // Only where the webhook goes: its URL may hold a secret token.
                    SettingEcho.Endpoint => Endpoint(value),
                    // A database as postgresql://user@host:port/db: never a password, even one the setting wrongly holds.
                    SettingEcho.Location => RegistryLocation.Display(value),
                    _ => value,
                });
            }

            layer.Add(item.ItemSpec, value);
        }

        Log.LogInput(nameof(TargetFramework), TargetFramework);
        layer.Add(SettingsCatalogue.TargetFramework, TargetFramework, nameof(TargetFramework));
        Log.LogInput(nameof(SolutionRunId), SolutionRunId);
        Log.LogInput(nameof(SolutionVerdict), SolutionVerdict ? "true" : string.Empty);
        return SettingValues.Read(Adapter.MSBuild, layer);
    }

    /// <summary>What the targets know of this run besides the settings.</summary>
    private RunContext RunContext(string? projectFile) => new()
    {
        BaseDirectory = ProjectDirectory,
        Environment = EnvironmentVariables,
        TestAssemblyName = TestAssemblyName,
        ProjectFile = projectFile,
        SolutionRunId = ListSetting.NullIfEmpty(SolutionRunId),
        SolutionVerdict = SolutionVerdict,
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
    };

    private void LogResult(GateRunResult result, GateErrorLog log, string? projectFile, bool summaryAsWarning)
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
            LogSummaryLine(summary, result.SolutionFile ?? projectFile, summaryAsWarning, log);
        }

        // Errors after a verdict wait for the QualityGatesPassed / QualityGatesBlocked hooks; bad settings and inputs do not.
        foreach (var diagnostic in result.Diagnostics)
        {
            log.Log(diagnostic, deferrable: result.Report is not null);
        }
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
    private static void LogSummaryLine(string summary, string? projectFile, bool asWarning, GateErrorLog log)
    {
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
}
