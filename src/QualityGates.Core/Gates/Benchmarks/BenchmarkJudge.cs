using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Waivers;

namespace QualityGates.Gates.Benchmarks;

/// <summary>
/// Gives every benchmark of a comparison its verdict on time and on allocations, against the context's
/// thresholds, warning levels and waivers, before the checks sum them up (docs/benchmarks.md):
/// <list type="bullet">
/// <item>time: regressed when the mean is more than <c>MaxLatencyIncrease</c> above the baseline's <b>and</b>
/// the one-sided Mann-Whitney U test with that increase as the minimum effect is significant
/// (<see cref="BenchmarkStatistics"/>); beyond it on the means but not significant passes, named as such;
/// a warning beyond <c>WarnLatencyIncrease</c> the same way;</item>
/// <item>allocations: regressed when the bytes per operation grew by more than <c>MaxMemoryIncreasePercent</c>
/// (deterministic, no test); an allocation-free benchmark that now allocates has grown beyond any maximum.</item>
/// </list>
/// An active waiver of <c>benchmarks.time[full name]</c> or <c>benchmarks.allocated[full name]</c> turns that
/// benchmark's regression into <see cref="BenchmarkOutcome.Waived"/>.
/// </summary>
internal static class BenchmarkJudge
{
    /// <summary>The comparison with every benchmark judged.</summary>
    public static BenchmarkComparison Judge(BenchmarkComparison comparison, GateThresholds thresholds, WaiverSet? waivers, DeploymentContext context)
    {
        var active = (waivers?.Active(context) ?? []).Where(w => w.Gate is not null).ToList();
        Waiver? WaiverOf(string gate, string name) => active.FirstOrDefault(w => w.Gate == GateNames.ForBenchmark(gate, name));
        var judged = comparison.Benchmarks.Select(b =>
        {
            if (b.Base is not { } before || b.Current is not { } now)
            {
                var note = b.Current is null ? "removed: not in this run" : comparison.Baseline is null ? "no baseline" : "new: not in the baseline";
                return b with { Time = BenchmarkOutcome.NotJudged, Allocated = BenchmarkOutcome.NotJudged, Note = note };
            }

            var timed = Time(b, before, now, thresholds.MaxLatencyIncrease, thresholds.WarnLatencyIncrease);
            if (timed.Time == BenchmarkOutcome.Regressed && WaiverOf(GateNames.BenchmarkTime, b.FullName) is { } timeWaiver)
            {
                timed = timed with { Time = BenchmarkOutcome.Waived, TimeWaiver = timeWaiver };
            }

            var allocated = Allocated(timed, thresholds.MaxMemoryIncreasePercent, thresholds.WarnMemoryIncreasePercent);
            return allocated.Allocated == BenchmarkOutcome.Regressed && WaiverOf(GateNames.BenchmarkAllocated, b.FullName) is { } allocationWaiver
                ? allocated with { Allocated = BenchmarkOutcome.Waived, AllocatedWaiver = allocationWaiver }
                : allocated;
        }).ToList();
        return comparison with { Benchmarks = judged };
    }

    private static BenchmarkVerdict Time(BenchmarkVerdict b, BenchmarkResult before, BenchmarkResult now, double maximum, double? warn)
    {
        var (n, m) = (now.Samples.Count, before.Samples.Count);
        if (!BenchmarkStatistics.CanJudge(n, m))
        {
            return b with
            {
                Note = string.Create(CultureInfo.InvariantCulture,
                    $"too few measurements to test ({n} and {m}: the smallest p-value they can give, {BenchmarkStatistics.SmallestPValue(n, m):0.###}, is not below {BenchmarkStatistics.Alpha})"),
            };
        }

        if (b.TimeIncrease is not double increase)
        {
            return b with { Note = "the baseline's mean time is 0" };
        }

        var p = BenchmarkStatistics.SlowerPValue(now.Samples, before.Samples, maximum);
        if (increase > maximum)
        {
            return b with { PValue = p, Time = p < BenchmarkStatistics.Alpha ? BenchmarkOutcome.Regressed : BenchmarkOutcome.NotSignificant };
        }

        if (warn is double level && increase > level)
        {
            var atLevel = BenchmarkStatistics.SlowerPValue(now.Samples, before.Samples, level);
            if (atLevel < BenchmarkStatistics.Alpha)
            {
                return b with { PValue = atLevel, Time = BenchmarkOutcome.Warning };
            }
        }

        var improved = increase < 0 && BenchmarkStatistics.SlowerPValue(before.Samples, now.Samples, maximum) < BenchmarkStatistics.Alpha;
        return b with { PValue = p, Time = improved ? BenchmarkOutcome.Improved : BenchmarkOutcome.Within };
    }

    private static BenchmarkVerdict Allocated(BenchmarkVerdict b, double maximum, double? warn)
    {
        if (b.AllocatedIncreasePercent is not double increase)
        {
            return b with { Allocated = BenchmarkOutcome.NotJudged };
        }

        var outcome = increase > maximum ? BenchmarkOutcome.Regressed
            : warn is double level && increase > level ? BenchmarkOutcome.Warning
            : increase < -maximum ? BenchmarkOutcome.Improved
            : BenchmarkOutcome.Within;
        return b with { Allocated = outcome };
    }
}
