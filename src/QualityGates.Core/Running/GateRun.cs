using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Waivers;
using QualityGates.Running.Solution;

namespace QualityGates.Running;

/// <summary>
/// The whole gate run, the one entry every adapter (the MSBuild task, the CLI, the test-platform
/// extension) calls: checks the settings, resolves and reads the inputs once, judges, writes the report
/// files, records the run in the registry, publishes it to the CI server and sends the webhook. An
/// adapter maps its settings into a <see cref="GateRunRequest"/> and prints the coded diagnostics that
/// come back; it never repeats a step. Every bad setting and bad file is one coded error, and with any
/// of them nothing is judged or written, so no report is ever made from partial inputs.
/// </summary>
public sealed partial class GateRun
{
    private readonly TimeProvider _time;

    public GateRun(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Raised for each passed check, in check order, as it is judged (sender: the <see cref="QualityGate"/>).</summary>
    public event EventHandler<GateCheckEventArgs>? GatePassed;

    /// <summary>Raised for each failed check, in check order, as it is judged.</summary>
    public event EventHandler<GateCheckEventArgs>? GateFailed;

    /// <summary>Raised once after the checks when any failed, before any report file is written.</summary>
    public event EventHandler<GateReportEventArgs>? GatesBlocked;

    /// <summary>Runs the gate for <paramref name="request"/>.</summary>
    /// <param name="request">Settings, inputs and what to do with the verdict.</param>
    /// <param name="ciCommands">Where CI workflow and logging commands go: the build log the CI server reads (the CLI's stdout, the task's high-importance messages).</param>
    /// <returns>
    /// The report and the diagnostics. Without a report (a bad setting or input) the diagnostics are the
    /// errors, one per problem. With a report they are, in order: one error per failed check (its QG2xxx
    /// code and gate); the warnings the report files list too (<see cref="QualityGateReport.RunWarnings"/>:
    /// QG0019 judged alone, QG0021 and QG5010 inputs, QG5004 handler, the warning tier and waivers QG2018,
    /// QG2021, QG2019, QG2020, QG2013 tolerated failed tests, QG2022 new code); then what came after the files
    /// were written: the report files' error or pruning warning (QG5001), the registry's errors (QG3xxx) or
    /// QG3002 nothing to approve (these warnings are also in the CI server's summary), QG5003 CI output and
    /// QG5002 webhook.
    /// </returns>
    public GateRunResult Execute(GateRunRequest request, TextWriter ciCommands)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ciCommands);
        return request.Solution is { Scope: not GateScope.Project } solution
            ? ExecuteInSolution(request, solution, ciCommands)
            : ExecuteAlone(request, ciCommands);
    }

    /// <param name="request">The run.</param>
    /// <param name="ciCommands">See <see cref="Execute"/>.</param>
    /// <param name="earlier">Warnings the run found before judging (QG0019), printed and reported first.</param>
    /// <param name="handedIn">Warnings the solution's projects printed when they handed in, reported again (in the solution's report) but not printed again.</param>
    private GateRunResult ExecuteAlone(GateRunRequest request, TextWriter ciCommands, IReadOnlyList<GateDiagnostic>? earlier = null, IReadOnlyList<GateDiagnostic>? handedIn = null)
    {
        var prepared = new DiagnosticBag();
        var (options, registry, inputs, coverageFiles) = Prepare(request, prepared, _time);
        if (prepared.HasErrors || options is null)
        {
            return new GateRunResult { Diagnostics = prepared.Errors };
        }

        var inputWarnings = prepared.Warnings;

        var gate = new QualityGate(options, _time);
        gate.GatePassed += GatePassed;
        gate.GateFailed += GateFailed;
        gate.GatesBlocked += GatesBlocked;
        var root = RepositoryRoot.Find(request.BaseDirectory);
        inputs = inputs with
        {
            Files = inputs.Files.Select(f => f with
            {
                Path = RepositoryRoot.Display(f.Path, root, abbreviateOutside: false),
                SameAs = f.SameAs is null ? null : RepositoryRoot.Display(f.SameAs, root, abbreviateOutside: false),
            }).ToList(),
        };
        var judged = gate.Evaluate(inputs, request.Model) with { TargetFramework = NullIfBlank(request.TargetFramework), Projects = request.SolutionProjects };

        // Every warning known before the files are written goes into them, so a run whose console output
        // nobody sees (native dotnet test shows nothing of an application that exits 0) still leaves them.
        var warnings = RunWarnings(judged, request.Names, earlier, inputWarnings);
        GateDiagnostic Shown(GateDiagnostic w) => w.File is null ? w : w with { File = RepositoryRoot.Display(w.File, root, abbreviateOutside: false) };
        var report = judged with { RunWarnings = warnings.Concat(handedIn ?? []).Select(Shown).ToList() };
        var diagnostics = report.FailedChecks
            .Select(c => new GateDiagnostic(DiagnosticSeverity.Error, c.Code ?? string.Empty, c.Message, Gate: c.Gate))
            .Concat(warnings)
            .ToList();

        var ci = CiBuildInfo.FromEnvironment(request.Environment);
        var folder = request.Reports.FolderFor(request.BaseDirectory);
        var json = folder is not null || request.Reports.Json ? JsonReportWriter.ToUtf8(report, ci) : null;
        var written = diagnostics.Count;
        var files = WriteReports(report, json, folder, request, root, diagnostics);
        if (files?.PruneProblem is { } pruning)
        {
            diagnostics.Add(GateDiagnostic.Warning(ErrorCodes.ReportNotWritten, pruning));
        }

        var record = registry?.Record(report, files?.Json, diagnostics);
        // The CI server's summary is written after the registry: it also lists the warnings that came after the report files.
        var later = diagnostics.Skip(written).Where(d => !d.IsError).Select(Shown);
        diagnostics.AddRange(CiReporter.Report(report with { RunWarnings = [.. report.RunWarnings, .. later] }, files, ciCommands, request.Publish, request.Environment, ci));

        return new GateRunResult
        {
            Report = report,
            Diagnostics = diagnostics,
            Files = files,
            Json = request.Reports.Json && json is not null ? System.Text.Encoding.UTF8.GetString(json) : null,
            RegistryRecord = record,
            CoverageFiles = inputs.Coverage is null ? [] : coverageFiles,
            SummaryLine = SummaryLine.Render(report, folder is null ? null : RepositoryRoot.Display(EnsureTrailingSlash(folder), root, abbreviateOutside: false)),
            InputLines = Reports.InputLines.For(report.Inputs.Files),
            InputWarnings = inputWarnings,
        };
    }

    /// <summary>The run's warnings before its files are written, in the order printed (see <see cref="QualityGateReport.RunWarnings"/>).</summary>
    private static List<GateDiagnostic> RunWarnings(QualityGateReport report, Configuration.Settings.SettingNames names, IReadOnlyList<GateDiagnostic>? earlier, IReadOnlyList<GateDiagnostic> inputWarnings)
    {
        var warnings = (earlier ?? [])
            .Concat(inputWarnings)
            .Concat(report.Warnings.Select(w => GateDiagnostic.Warning(ErrorCodes.EventHandlerFailed, w)))
            .Concat(WaiverDiagnostics.For(report))
            .ToList();
        if (SummaryLine.ToleratedFailuresMessage(report, names) is { } tolerated)
        {
            warnings.Add(GateDiagnostic.Warning(ErrorCodes.TestFailuresTolerated, tolerated));
        }

        if (Gates.Checks.NewCodeCoverageCheck.UntestedWarning(report, names) is { } untested)
        {
            warnings.Add(untested);
        }

        return warnings;
    }

    private static string EnsureTrailingSlash(string folder) =>
        folder.EndsWith('/') || folder.EndsWith('\\') ? folder : folder + "/";

    /// <summary>
    /// Checks the settings and reads the inputs without judging or writing anything: the errors
    /// <see cref="Execute"/> would stop at. For an adapter that found bad settings of its own and still
    /// wants every mistake of the run reported at once.
    /// </summary>
    public static IReadOnlyList<GateDiagnostic> Check(GateRunRequest request)
    {
        var diagnostics = new DiagnosticBag();
        Prepare(request, diagnostics, TimeProvider.System);
        return diagnostics.Errors;
    }

    private static (GateOptions? Options, RegistryRecorder? Registry, GateInputs Inputs, IReadOnlyList<string> CoverageFiles) Prepare(
        GateRunRequest request, DiagnosticBag diagnostics, TimeProvider time)
    {
        var options = ReadOptions(request, diagnostics, time);
        var registry = PrepareRegistry(request, diagnostics);
        var inputs = GateInputLoader.Load(request.ForInputs(), diagnostics, out var coverageFiles);
        if (options is not null && request.ForRatchet(options.Context) is { } ratchet)
        {
            try
            {
                var (baseline, missing) = RatchetBaselineReader.Find(ratchet);
                inputs = inputs with { Baseline = baseline, BaselineMissing = missing };
            }
            catch (QualityGatesException ex)
            {
                diagnostics.Add(ex);
            }
        }

        return (options, registry, inputs, coverageFiles);
    }

    private static GateOptions? ReadOptions(GateRunRequest request, DiagnosticBag errors, TimeProvider time)
    {
        DeploymentContext? context = null;
        try
        {
            context = DeploymentContexts.Parse(string.IsNullOrWhiteSpace(request.Context) ? GateRunRequest.DefaultContext : request.Context, request.ContextSource);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
        }

        // Overrides are validated even when the context is bad, so one run reports every mistake.
        var thresholds = GateThresholds.For(context ?? DeploymentContext.Staging);
        foreach (var item in request.Overrides)
        {
            try
            {
                thresholds = ThresholdCatalog.Apply(thresholds, item.Name, item.Value, item.Source);
            }
            catch (QualityGatesException ex)
            {
                errors.Add(ex);
            }
        }

        string SourceOf(string name) => request.Overrides.LastOrDefault(o => o.Name == name && !string.IsNullOrWhiteSpace(o.Value))?.Source
            ?? $"the {(context is { } c ? DeploymentContexts.NameOf(c) : "default")} {request.Names.Of(Configuration.Settings.SettingsCatalogue.ForThresholdNamed(name))}";
        errors.AddRange(WarningLevels.Check(thresholds, SourceOf));
        var waivers = context is { } judged ? WaiverLoader.Load(request.ForWaivers(), judged, thresholds.MaxWaiverDays, SourceOf("MaxWaiverDays"), time, errors) : null;

        return context is { } valid
            ? new GateOptions(valid, thresholds)
            {
                Strict = request.Strict, Groups = request.Groups, FailOnAnyTestFailure = request.FailOnAnyTestFailure, AllowAbortedRun = request.AllowAbortedRun,
                Waivers = waivers, NewCode = request.NewCode is not null, Ratchet = request.Ratchet is not null, CoverageStat = request.CoverageStat,
                Names = request.Names,
            }
            : null;
    }

    /// <summary>Checks, before anything is judged, that the run can be recorded: a model (QG0005) that can be a registry file name (QG3004).</summary>
    private static RegistryRecorder? PrepareRegistry(GateRunRequest request, DiagnosticBag errors)
    {
        if (request.Registry is not { } options)
        {
            return null;
        }

        if (request.Model is not { } model)
        {
            errors.Add(new QualityGatesException(ErrorCodes.InvalidModelIdentity,
                $"{options.Source} needs the model's name and version, to know what to approve; none was given."));
            return null;
        }

        try
        {
            var folder = RegistryLocation.Resolve(options.Folder, request.Environment, request.BaseDirectory);
            var registry = new ApprovalRegistry(folder, environment: request.Environment);
            registry.FileFor(model.Name);
            return new RegistryRecorder(registry, string.IsNullOrWhiteSpace(options.ApprovedBy) ? null : options.ApprovedBy.Trim());
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return null;
        }
    }

    private static ReportFiles? WriteReports(QualityGateReport report, byte[]? json, string? folder, GateRunRequest request, string? root, List<GateDiagnostic> diagnostics)
    {
        try
        {
            if (request.Reports.JUnitFile is { } junit && !string.IsNullOrWhiteSpace(junit))
            {
                ReportFileSet.WriteJUnit(report, Path.GetFullPath(junit, request.BaseDirectory));
            }

            return folder is null ? null : new ReportFileSet(folder) { RepositoryRoot = root, KeepReports = request.Reports.KeepReports }.Write(report, json!);
        }
        catch (QualityGatesException ex)
        {
            diagnostics.Add(GateDiagnostic.From(ex));
            return null;
        }
    }

    /// <summary>Approve-on-pass: approves a passed run from its report, records a blocked one.</summary>
    private sealed class RegistryRecorder(ApprovalRegistry registry, string? approvedBy)
    {
        public RegistryRecord? Record(QualityGateReport report, string? reportFile, List<GateDiagnostic> diagnostics)
        {
            try
            {
                return report.AllPassed
                    ? registry.ApproveFromReport(report, approvedBy, notes: null, reportFile)
                    : registry.RecordBlocked(report, reportFile, approvedBy);
            }
            catch (QualityGatesException ex) when (ex.Code == ErrorCodes.ReportDidNotPass && report.AllPassed)
            {
                // The gate passed without judging anything: no evidence to approve, but the verdict is the gate's.
                diagnostics.Add(new GateDiagnostic(DiagnosticSeverity.Warning, ex.Code, ex.Message + " Nothing was approved.", ex.File));
                return null;
            }
            catch (QualityGatesException ex)
            {
                diagnostics.Add(GateDiagnostic.From(ex));
                return null;
            }
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
