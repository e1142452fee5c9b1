using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Gates.Checks;

/// <summary>
/// The benchmark gates, one class with two parameter sets: <c>benchmarks.time</c> (mean time against the
/// baseline, significant by Mann-Whitney U, as a fraction like <c>model.latency_increase</c>) and
/// <c>benchmarks.allocated</c> (bytes per operation, in percent like <c>model.memory_increase</c>). Each sums
/// up the per-benchmark verdicts of <see cref="BenchmarkJudge"/>: one failure names every regressed
/// benchmark with base, now, ratio and p-value; the value is the largest increase among those that decide the
/// status. No baseline, or no benchmark in both runs, skips the check (fails in strict mode).
/// </summary>
internal sealed class BenchmarkCheck : GateCheck
{
    /// <summary>Benchmarks one message names at most; the reports list all.</summary>
    public const int MaxNamed = 50;

    private readonly Kind _kind;

    private BenchmarkCheck(Kind kind) => _kind = kind;

    public static BenchmarkCheck Time { get; } = new(new Kind(
        GateNames.BenchmarkTime, ErrorCodes.BenchmarkTimeRegressed, t => t.MaxLatencyIncrease, t => t.WarnLatencyIncrease,
        b => b.Time, b => b.TimeIncrease, b => b.TimeWaiver, BenchmarkText.TimeFigures,
        "is slower than the baseline", "are slower than the baseline", "maximum latency increase", Format.Percent,
        $" (Mann-Whitney U, α = {BenchmarkStatistics.Alpha.ToString(CultureInfo.InvariantCulture)})"));

    public static BenchmarkCheck Allocated { get; } = new(new Kind(
        GateNames.BenchmarkAllocated, ErrorCodes.BenchmarkAllocationIncreased, t => t.MaxMemoryIncreasePercent, t => t.WarnMemoryIncreasePercent,
        b => b.Allocated, b => b.AllocatedIncreasePercent, b => b.AllocatedWaiver, BenchmarkText.AllocatedFigures,
        "allocates more than the baseline", "allocate more than the baseline", "maximum memory increase", Format.PercentValue, string.Empty));

    public override string Gate => _kind.Gate;
    public override GateGroup Group => GateGroup.Benchmarks;
    public override string FailureCode => _kind.FailureCode;

    public override bool AppliesTo(GateOptions options) => options.Benchmarks;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var k = _kind;
        var maximum = k.Maximum(options.Thresholds);
        if (inputs.Benchmarks is not { } comparison)
        {
            return Missing(options, maximum, "No benchmark results were read");
        }

        if (comparison.Baseline is null)
        {
            return Missing(options, maximum, $"No benchmark baseline ({comparison.BaselineMissing})");
        }

        var paired = comparison.Paired.ToList();
        var judged = paired.Where(b => k.Outcome(b) != BenchmarkOutcome.NotJudged).ToList();
        if (judged.Count == 0)
        {
            var why = paired.Count == 0 ? $"None of this run's {Format.Count(comparison.Current.Benchmarks.Count, "benchmark")} is in the baseline"
                : Gate == GateNames.BenchmarkAllocated ? "The runs have no allocation figures to compare (add [MemoryDiagnoser] to the benchmarks)"
                : $"No benchmark has enough measurements to test ({paired[0].Note})";
            return Missing(options, maximum, why);
        }

        string Limit(double? against = null) => $"the {options.ContextName} {k.LimitName} of {k.FormatLimit(maximum, against)}";
        List<BenchmarkVerdict> With(BenchmarkOutcome outcome) => judged.Where(b => k.Outcome(b) == outcome).ToList();
        var tail = Unpaired(comparison);
        var regressed = With(BenchmarkOutcome.Regressed);
        if (regressed.Count > 0)
        {
            var worst = regressed.Max(b => k.Increase(b)!.Value);
            return new GateCheckResult(Gate, GateStatus.Failed, worst, maximum,
                $"{Format.Count(regressed.Count)} of {Format.Count(judged.Count, "benchmark")} {k.VerbFor(regressed.Count)} beyond {Limit(worst)}{k.Test}: {Named(regressed, k)}{Waived(With(BenchmarkOutcome.Waived), k)}{tail}",
                FailureCode);
        }

        var waived = With(BenchmarkOutcome.Waived);
        if (waived.Count > 0)
        {
            var waivers = waived.Select(b => k.Waiver(b)!).Distinct().ToList();
            return new GateCheckResult(Gate, GateStatus.Waived, waived.Max(b => k.Increase(b)), maximum,
                $"{Format.Count(waived.Count)} of {Format.Count(judged.Count, "benchmark")} {k.VerbFor(waived.Count)} beyond {Limit()}{k.Test}, each waived: {Named(waived, k)}{tail} — "
                + string.Join("; ", waivers.Select(w => w.Describe())),
                ErrorCodes.CheckWaived) { Waivers = waivers };
        }

        var insignificant = With(BenchmarkOutcome.NotSignificant);
        var note = insignificant.Count == 0 ? string.Empty
            : $"; beyond it on the means but not significant: {Named(insignificant, k)}";
        var warned = With(BenchmarkOutcome.Warning);
        if (warned.Count > 0 && k.Warn(options.Thresholds) is double warn)
        {
            return new GateCheckResult(Gate, GateStatus.Warning, warned.Max(b => k.Increase(b)), maximum,
                $"{Format.Count(warned.Count)} of {Format.Count(judged.Count, "benchmark")} {k.VerbFor(warned.Count)} beyond the {options.ContextName} warning level of {k.FormatLimit(warn, null)}{k.Test}, within {Limit()}: {Named(warned, k)}{note}{tail}",
                ErrorCodes.FigureInWarningBand) { WarningLevel = warn };
        }

        var within = judged.Where(b => k.Outcome(b) is BenchmarkOutcome.Within or BenchmarkOutcome.Improved).ToList();
        var largest = within.Count == 0 ? null : within.MaxBy(b => k.Increase(b)!.Value);
        var figure = largest is null ? string.Empty : $"; largest increase {BenchmarkText.Change(k.Increase(largest)!.Value * (Gate == GateNames.BenchmarkTime ? 100 : 1))} ({BenchmarkText.Name(largest.FullName)})";
        return new GateCheckResult(Gate, GateStatus.Passed, largest is null ? null : k.Increase(largest), maximum,
            $"{Format.Count(judged.Count, "benchmark")} compared with the baseline, none {k.Verb} beyond {Limit()}{k.Test}{figure}{note}{tail}")
        { WarningLevel = k.Warn(options.Thresholds) };
    }

    /// <summary>"; 1 new and 2 removed benchmarks not compared" (QG2052 names them), or empty.</summary>
    private static string Unpaired(BenchmarkComparison comparison)
    {
        var (added, removed) = (comparison.New.Count, comparison.Removed.Count);
        return added + removed == 0 ? string.Empty
            : $"; {(added > 0 ? Format.Count(added) + " new" : string.Empty)}{(added > 0 && removed > 0 ? " and " : string.Empty)}{(removed > 0 ? Format.Count(removed) + " removed" : string.Empty)} benchmark{(added + removed == 1 ? string.Empty : "s")} not compared";
    }

    private static string Waived(List<BenchmarkVerdict> waived, Kind k) =>
        waived.Count == 0 ? string.Empty
            : $"; waived: {string.Join("; ", waived.Select(b => $"{k.Figures(b)} — {k.Waiver(b)!.Describe()}"))}";

    /// <summary>The benchmarks' figures, the largest increase first, at most <see cref="MaxNamed"/> of them.</summary>
    private static string Named(List<BenchmarkVerdict> benchmarks, Kind k)
    {
        var ordered = benchmarks.OrderByDescending(b => k.Increase(b) ?? 0).ToList();
        var shown = string.Join("; ", ordered.Take(MaxNamed).Select(k.Figures));
        return ordered.Count <= MaxNamed ? shown : $"{shown}; and {Format.Count(ordered.Count - MaxNamed)} more (every one is in the reports)";
    }

    // One gate's figures and wording. Increase: the benchmark's increase in the threshold's unit.
    private sealed record Kind(
        string Gate,
        string FailureCode,
        Func<Configuration.GateThresholds, double> Maximum,
        Func<Configuration.GateThresholds, double?> Warn,
        Func<BenchmarkVerdict, BenchmarkOutcome> Outcome,
        Func<BenchmarkVerdict, double?> Increase,
        Func<BenchmarkVerdict, Waivers.Waiver?> Waiver,
        Func<BenchmarkVerdict, string> Figures,
        string SingularVerb,
        string Verb,
        string LimitName,
        Func<double, double?, string> FormatLimit,
        string Test)
    {
        /// <summary>The verb for "<paramref name="count"/> of N benchmarks": "1 of 3 benchmarks is slower", "2 of 3 … are slower".</summary>
        public string VerbFor(int count) => count == 1 ? SingularVerb : Verb;
    }
}
