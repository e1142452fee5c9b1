using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Gates;

/// <summary>Everything the checks judge. Any part may be missing; its checks are then skipped (or fail in strict mode).</summary>
internal sealed record GateInputs
{
    public TestRunSummary? Tests { get; init; }
    public CoverageSummary? Coverage { get; init; }
    /// <summary>
    /// A line rate (0–1) known without Cobertura data, e.g. from a test-metrics JSON's
    /// <c>coverage_percent</c> (already divided by 100). Used only when <see cref="Coverage"/> is null.
    /// </summary>
    public double? ReportedLineRate { get; init; }
    public ModelMetrics? Model { get; init; }
    public SecuritySummary? Security { get; init; }
    /// <summary>Coverage of the lines the change added or modified; null when new-code coverage is off or no coverage was read.</summary>
    public NewCodeCoverage? NewCode { get; init; }
    /// <summary>The figures the ratchet compares with; null when the ratchet is off or found no baseline.</summary>
    public RatchetBaseline? Baseline { get; init; }
    /// <summary>Why the ratchet has no baseline (no approval yet, the approved report is gone), for its skipped checks; null otherwise.</summary>
    public string? BaselineMissing { get; init; }
    /// <summary>BenchmarkDotNet results paired with their baseline (judged by the gate before its checks run); null when no benchmark files were named.</summary>
    public BenchmarkComparison? Benchmarks { get; init; }
    /// <summary>Every input file read for the run, in reading order, with what it contributed; empty when nothing came from a file.</summary>
    public IReadOnlyList<Inputs.InputFileRead> Files { get; init; } = [];
}
