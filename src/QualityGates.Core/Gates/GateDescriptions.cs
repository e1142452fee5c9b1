using System.Globalization;
using QualityGates.Configuration;

namespace QualityGates.Gates;

/// <summary>
/// How each gate's value and threshold read to a person: unit and direction. Writers (table, JUnit,
/// HTML) use this so a value is never shown in two different units.
/// </summary>
internal static class GateDescriptions
{
    /// <summary>True when the threshold is a minimum (value ≥ threshold passes), false for a maximum; a per-assembly gate as its own.</summary>
    public static bool IsMinimum(string gate) => GateNames.BaseOf(gate) is GateNames.TestPassRate or GateNames.LineCoverage
        or GateNames.BranchCoverage or GateNames.QualityScore or GateNames.Throughput
        or GateNames.NewCodeCoverage or GateNames.RatchetLineCoverage or GateNames.RatchetBranchCoverage or GateNames.RatchetTestPassRate;

    /// <summary>
    /// A person's name for a gate, used wherever a line is read rather than parsed (the summary line):
    /// "line coverage", "line coverage of MyLib" for a per-assembly gate. Every gate of
    /// <see cref="GateNames.All"/> has one; a gate without one reads as its name's words ("benchmarks mean time").
    /// </summary>
    public static string Label(string gate) => gate switch
    {
        _ when GateNames.IsPerAssembly(gate) => $"{Label(GateNames.BaseOf(gate))} of {gate[(GateNames.BaseOf(gate).Length + 1)..^1]}",
        GateNames.TestPassRate => "tests",
        GateNames.AnyTestFailure => "failed tests",
        GateNames.FlakyTests => "flaky tests",
        GateNames.LineCoverage => "line coverage",
        GateNames.BranchCoverage => "branch coverage",
        GateNames.NewCodeCoverage => "new-code coverage",
        GateNames.RatchetLineCoverage => "line coverage ratchet",
        GateNames.RatchetBranchCoverage => "branch coverage ratchet",
        GateNames.RatchetTestPassRate => "pass rate ratchet",
        GateNames.QualityScore => "quality score",
        GateNames.Regression => "regression",
        GateNames.LatencyIncrease => "latency increase",
        GateNames.MemoryIncrease => "memory increase",
        GateNames.Throughput => "throughput",
        GateNames.CriticalVulnerabilities => "critical vulnerabilities",
        GateNames.HighVulnerabilities => "high vulnerabilities",
        GateNames.MediumVulnerabilities => "medium vulnerabilities",
        GateNames.BenchmarkTime => "benchmark time",
        GateNames.BenchmarkAllocated => "benchmark allocations",
        _ => gate.Replace('.', ' ').Replace('_', ' '),
    };

    /// <summary>"≥" for a minimum, "≤" for a maximum.</summary>
    public static string Comparator(string gate) => IsMinimum(gate) ? "≥" : "≤";

    /// <summary>A value or threshold of <paramref name="gate"/> in its unit ("97.0%", "0.87", "3", "45.2 tok/s"); "-" when null.</summary>
    public static string FormatValue(string gate, double? value)
    {
        if (value is not double v)
        {
            return "-";
        }

        if (double.IsPositiveInfinity(v))
        {
            // An allocation-free benchmark that now allocates: an increase beyond any percentage.
            return "∞";
        }

        return GateNames.BaseOf(gate) switch
        {
            GateNames.TestPassRate or GateNames.LineCoverage or GateNames.BranchCoverage
                or GateNames.NewCodeCoverage or GateNames.RatchetLineCoverage or GateNames.RatchetBranchCoverage or GateNames.RatchetTestPassRate
                or GateNames.Regression or GateNames.LatencyIncrease or GateNames.BenchmarkTime => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
            GateNames.MemoryIncrease or GateNames.BenchmarkAllocated => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            GateNames.Throughput => v.ToString("0.#", CultureInfo.InvariantCulture) + " tok/s",
            GateNames.AnyTestFailure or GateNames.FlakyTests or GateNames.CriticalVulnerabilities or GateNames.HighVulnerabilities or GateNames.MediumVulnerabilities
                => v.ToString("0", CultureInfo.InvariantCulture),
            _ => v.ToString("0.###", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The threshold with its comparator, e.g. "≥ 98.0%".</summary>
    public static string FormatThreshold(string gate, double? threshold) =>
        threshold is null ? "-" : Comparator(gate) + " " + FormatValue(gate, threshold);
}
