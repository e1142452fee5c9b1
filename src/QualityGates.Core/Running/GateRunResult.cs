using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Registry;
using QualityGates.Reports;

namespace QualityGates.Running;

/// <summary>What a <see cref="GateRun"/> produced.</summary>
internal sealed record GateRunResult
{
    /// <summary>The verdict, or null when a bad setting or input stopped the run before judging.</summary>
    public QualityGateReport? Report { get; init; }

    /// <summary>Every coded error and warning, in the order to print them; see <see cref="GateRun.Execute"/>.</summary>
    public IReadOnlyList<GateDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The report folder's files, or null when no folder was asked for or it could not be written.</summary>
    public ReportFiles? Files { get; init; }

    /// <summary>The JSON report's text (the same bytes as the report file) when <see cref="ReportOptions.Json"/> asked for it.</summary>
    public string? Json { get; init; }

    /// <summary>The registry record written (approved or blocked), or null.</summary>
    public RegistryRecord? RegistryRecord { get; init; }

    /// <summary>True when the run was judged and no check failed.</summary>
    public bool Passed => Report is { AllPassed: true };

    /// <summary>The Cobertura files the gate read (full paths), for a coverage report; empty when none.</summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];

    /// <summary>The run's one-line summary (<see cref="Reports.SummaryLine"/>) for the adapter to print; null without a report.</summary>
    public string? SummaryLine { get; init; }

    /// <summary>One console line per input file read (<see cref="Reports.InputLines"/>), then one per kind of input merged from several files, already neutralised, for the adapter to print at normal importance.</summary>
    public IReadOnlyList<string> InputLines { get; init; } = [];

    /// <summary>The warnings the run's inputs gave (QG0021, QG5010), already among <see cref="Diagnostics"/>: what a project hands in to its solution run.</summary>
    internal IReadOnlyList<GateDiagnostic> InputWarnings { get; init; } = [];

    /// <summary>Lines for the adapter to print at high importance, already neutralised (e.g. a project that handed its results to the solution gate).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>
    /// The solution's verdict when this project's hand-in completed the solution run (QualityGatesScope
    /// Solution or Both); the adapter prints it as it prints its own. Null otherwise.
    /// </summary>
    public GateRunResult? Solution { get; init; }

    /// <summary>
    /// True when this project's results went to a solution run (QualityGatesScope Solution): the
    /// solution's verdict, not this project's, judges its failed tests.
    /// </summary>
    public bool HandedToSolution { get; init; }

    /// <summary>For a solution's verdict: the solution file (full path) its diagnostics and summary line point at; null otherwise.</summary>
    public string? SolutionFile { get; init; }
}
