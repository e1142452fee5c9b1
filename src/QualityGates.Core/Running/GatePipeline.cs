using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Gates.Checks;
using QualityGates.Integrations;
using QualityGates.Reports;
using QualityGates.Waivers;

namespace QualityGates.Running;

/// <summary>
/// One run judged on its own: prepare (options, registry, inputs), judge, write the report files, record the
/// run in the registry, publish it to the CI server and send the webhook. With any bad setting or input
/// nothing is judged or written.
/// </summary>
/// <param name="time">The clock of the verdict and the waivers.</param>
/// <param name="watch">Subscribes the caller's handlers to the gate's events before it judges.</param>
internal sealed class GatePipeline(TimeProvider time, Action<QualityGate> watch)
{
    /// <param name="request">The run.</param>
    /// <param name="ciCommands">See <see cref="GateRun.Execute"/>.</param>
    /// <param name="earlier">Warnings the run found before judging (QG0019), printed and reported first.</param>
    /// <param name="handedIn">Warnings the solution's projects printed when they handed in, reported again (in the solution's report) but not printed again.</param>
    public GateRunResult Run(GateRunRequest request, TextWriter ciCommands, IReadOnlyList<GateDiagnostic>? earlier = null, IReadOnlyList<GateDiagnostic>? handedIn = null)
    {
        var prepared = new DiagnosticBag();
        var (options, registry, inputs, coverageFiles) = RunPreparation.Of(request, prepared, time);
        if (prepared.HasErrors || options is null)
        {
            return new GateRunResult { Diagnostics = prepared.Errors };
        }

        var inputWarnings = prepared.Warnings;
        var gate = new QualityGate(options, time);
        watch(gate);
        var root = RepositoryRoot.Find(request.BaseDirectory);
        inputs = inputs with
        {
            Files = inputs.Files.Select(f => f with
            {
                Path = RepositoryRoot.Display(f.Path, root, abbreviateOutside: false),
                SameAs = f.SameAs is null ? null : RepositoryRoot.Display(f.SameAs, root, abbreviateOutside: false),
            }).ToList(),
            Benchmarks = inputs.Benchmarks?.WithPaths(path => RepositoryRoot.Display(path, root, abbreviateOutside: false)),
        };
        var judged = gate.Evaluate(inputs, request.Model) with { TargetFramework = NullIfBlank(request.TargetFramework), Projects = request.SolutionProjects };

        // Every warning known before the files are written goes into them, so a run whose console output
        // nobody sees (native dotnet test shows nothing of an application that exits 0) still leaves them.
        var warnings = RunWarnings(judged, request.Names, earlier, inputWarnings);
        GateDiagnostic Shown(GateDiagnostic w) => w.File is null ? w : w with { File = RepositoryRoot.Display(w.File, root, abbreviateOutside: false) };
        var report = judged with { RunWarnings = warnings.Concat(handedIn ?? []).Select(Shown).ToList() };
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(report.FailedChecks.Select(c => new GateDiagnostic(DiagnosticSeverity.Error, c.Code ?? string.Empty, c.Message, Gate: c.Gate)));
        diagnostics.AddRange(warnings);

        var ci = CiBuildInfo.FromEnvironment(request.Environment);
        var folder = request.Reports.FolderFor(request.BaseDirectory);
        var json = folder is not null || request.Reports.Json ? JsonReportWriter.ToUtf8(report, ci) : null;
        var written = diagnostics.Count;
        var files = RunReportWriter.Write(report, json, folder, request, root, diagnostics);
        if (files?.PruneProblem is { } pruning)
        {
            diagnostics.Add(GateDiagnostic.Warning(ErrorCodes.ReportNotWritten, pruning));
        }

        var record = registry?.Record(report, files?.Json, diagnostics);
        // The CI server's summary is written after the registry: it also lists the warnings that came after the report files.
        var later = diagnostics.Skip(written).Where(d => !d.IsError).Select(Shown).ToList();
        diagnostics.AddRange(CiReporter.Report(report with { RunWarnings = [.. report.RunWarnings, .. later] }, files, ciCommands, request.Publish, request.Environment, ci));

        return new GateRunResult
        {
            Report = report,
            Diagnostics = [.. diagnostics],
            Files = files,
            Json = request.Reports.Json && json is not null ? System.Text.Encoding.UTF8.GetString(json) : null,
            RegistryRecord = record,
            CoverageFiles = inputs.Coverage is null ? [] : coverageFiles,
            SummaryLine = SummaryLine.Render(report, folder is null ? null : RepositoryRoot.Display(EnsureTrailingSlash(folder), root, abbreviateOutside: false)),
            InputLines = InputLines.For(report.Inputs.Files),
            InputWarnings = inputWarnings,
        };
    }

    /// <summary>The run's warnings before its files are written, in the order printed (see <see cref="QualityGateReport.RunWarnings"/>).</summary>
    private static List<GateDiagnostic> RunWarnings(QualityGateReport report, SettingNames names, IReadOnlyList<GateDiagnostic>? earlier, IReadOnlyList<GateDiagnostic> inputWarnings)
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

        if (NewCodeCoverageCheck.UntestedWarning(report, names) is { } untested)
        {
            warnings.Add(untested);
        }

        return warnings;
    }

    private static string EnsureTrailingSlash(string folder) =>
        folder.EndsWith('/') || folder.EndsWith('\\') ? folder : folder + "/";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
