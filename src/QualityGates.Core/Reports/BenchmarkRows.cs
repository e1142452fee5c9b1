using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>
/// A benchmark gate broken down per benchmark, for the reports that show one row per benchmark and check
/// (JUnit cases, so Jenkins tracks each benchmark; the step summary; gates.html). Each row has the gate name of
/// that benchmark (<c>benchmarks.time[full name]</c>), a status as a check's, and a message with its figures.
/// </summary>
internal static class BenchmarkRows
{
    /// <summary>
    /// One row per benchmark of <paramref name="check"/>, or null when the check was not judged per benchmark
    /// (it was skipped or failed for want of a baseline or of figures: then the check itself is the row).
    /// </summary>
    public static IReadOnlyList<BenchmarkRow>? For(QualityGateReport report, GateCheckResult check)
    {
        if (!GateNames.IsBenchmarkGate(check.Gate) || GateNames.BaseOf(check.Gate) != check.Gate
            || report.Inputs.Benchmarks is not { Baseline: not null } comparison)
        {
            return null;
        }

        var time = check.Gate == GateNames.BenchmarkTime;
        BenchmarkOutcome Outcome(BenchmarkVerdict b) => time ? b.Time : b.Allocated;
        if (!comparison.Paired.Any(b => Outcome(b) != BenchmarkOutcome.NotJudged))
        {
            return null;
        }

        var limit = time
            ? $"the {report.ContextName} maximum latency increase of {GateDescriptions.FormatValue(check.Gate, report.Thresholds.MaxLatencyIncrease)}"
            : $"the {report.ContextName} maximum memory increase of {GateDescriptions.FormatValue(check.Gate, report.Thresholds.MaxMemoryIncreasePercent)}";
        return comparison.Benchmarks.Select(b =>
        {
            var outcome = Outcome(b);
            var status = outcome switch
            {
                BenchmarkOutcome.Regressed => GateStatus.Failed,
                BenchmarkOutcome.Waived => GateStatus.Waived,
                BenchmarkOutcome.Warning => GateStatus.Warning,
                BenchmarkOutcome.NotJudged => GateStatus.Skipped,
                _ => GateStatus.Passed,
            };
            var figures = outcome == BenchmarkOutcome.NotJudged ? null : time ? BenchmarkText.TimeFigures(b) : BenchmarkText.AllocatedFigures(b);
            var message = outcome switch
            {
                BenchmarkOutcome.NotJudged => $"{BenchmarkText.Name(b.FullName)}: not compared ({b.Note ?? (time ? "no figures" : "no allocation figures: add [MemoryDiagnoser]")})",
                BenchmarkOutcome.Regressed => $"{figures}: {(time ? "slower" : "more allocated")} than the baseline beyond {limit}",
                BenchmarkOutcome.Waived => $"{figures}: beyond {limit} — {(time ? b.TimeWaiver : b.AllocatedWaiver)!.Describe()}",
                BenchmarkOutcome.Warning => $"{figures}: beyond the {report.ContextName} warning level, within {limit}",
                BenchmarkOutcome.NotSignificant => $"{figures}: beyond {limit} on the means, but not statistically significant",
                BenchmarkOutcome.Improved => $"{figures}: {(time ? "faster" : "less allocated")} than the baseline by more than the maximum",
                _ => $"{figures}: within {limit}",
            };
            return new BenchmarkRow(GateNames.ForBenchmark(check.Gate, b.FullName), b, outcome, status, time ? b.TimeIncrease : b.AllocatedIncreasePercent, message);
        }).ToList();
    }
}

/// <summary>One benchmark's part of a benchmark gate.</summary>
/// <param name="Gate">The per-benchmark gate name, <c>benchmarks.time[full name]</c>.</param>
/// <param name="Benchmark">The benchmark and its figures.</param>
/// <param name="Outcome">What the gate made of it.</param>
/// <param name="Status">The outcome as a check's status: regressed fails, not compared is skipped.</param>
/// <param name="Value">Its increase in the gate's unit (a fraction for time, percent for allocations); null when not compared.</param>
/// <param name="Message">Its figures and verdict in words.</param>
internal sealed record BenchmarkRow(string Gate, BenchmarkVerdict Benchmark, BenchmarkOutcome Outcome, GateStatus Status, double? Value, string Message);
