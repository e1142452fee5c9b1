using QualityGates.Metrics;

namespace QualityGates.Gates.Benchmarks;

/// <summary>
/// A BenchmarkDotNet run against its baseline: every benchmark of either run, paired by full name, with
/// its verdicts once the gate has judged it (<see cref="BenchmarkJudge"/>). A benchmark in
/// one run only is listed as new or removed, never dropped.
/// </summary>
internal sealed record BenchmarkComparison
{
    /// <summary>The run being judged.</summary>
    public required BenchmarkRun Current { get; init; }

    /// <summary>The run it is compared with; null when there is none (see <see cref="BaselineMissing"/>).</summary>
    public BenchmarkRun? Baseline { get; init; }

    /// <summary>Why there is no baseline (none named and no approval in the registry, …), for the skipped checks; null when there is one.</summary>
    public string? BaselineMissing { get; init; }

    /// <summary>What differs between the machines or runtimes of the two runs ("runtime .NET 10.0.1 → .NET 10.0.2"); empty when nothing does or either run lacks host information.</summary>
    public IReadOnlyList<string> HostDifferences { get; init; } = [];

    /// <summary>
    /// One entry per benchmark: those of <see cref="Current"/> in their order (each with its baseline, or
    /// none when new), then those only in <see cref="Baseline"/> (removed).
    /// </summary>
    public IReadOnlyList<BenchmarkVerdict> Benchmarks { get; init; } = [];

    /// <summary>The benchmarks run in both, with a verdict of their own.</summary>
    public IEnumerable<BenchmarkVerdict> Paired => Benchmarks.Where(b => b.Base is not null && b.Current is not null);

    /// <summary>Full names of the benchmarks only in this run.</summary>
    public IReadOnlyList<string> New => Benchmarks.Where(b => b.Base is null).Select(b => b.FullName).ToList();

    /// <summary>Full names of the benchmarks only in the baseline.</summary>
    public IReadOnlyList<string> Removed => Benchmarks.Where(b => b.Current is null).Select(b => b.FullName).ToList();

    /// <summary>The significance level of the time test (<see cref="BenchmarkStatistics.Alpha"/>), for reports.</summary>
    public double Alpha { get; init; } = BenchmarkStatistics.Alpha;

    /// <summary>The comparison with every file path as <paramref name="display"/> shows it.</summary>
    public BenchmarkComparison WithPaths(Func<string, string> display)
    {
        var current = Current.WithPaths(display);
        var baseline = Baseline?.WithPaths(display);
        var now = current.Benchmarks.ToDictionary(b => b.FullName, StringComparer.Ordinal);
        var before = baseline?.Benchmarks.ToDictionary(b => b.FullName, StringComparer.Ordinal) ?? [];
        return this with
        {
            Current = current,
            Baseline = baseline,
            Benchmarks = Benchmarks.Select(b => b with
            {
                Base = b.Base is null ? null : before[b.FullName],
                Current = b.Current is null ? null : now[b.FullName],
            }).ToList(),
        };
    }

    /// <summary>Pairs <paramref name="current"/> with <paramref name="baseline"/> by full name (unjudged).</summary>
    public static BenchmarkComparison Pair(BenchmarkRun current, BenchmarkRun? baseline, string? baselineMissing)
    {
        var before = baseline?.Benchmarks.ToDictionary(b => b.FullName, StringComparer.Ordinal) ?? [];
        var now = current.Benchmarks.Select(b => b.FullName).ToHashSet(StringComparer.Ordinal);
        var entries = current.Benchmarks.Select(b => new BenchmarkVerdict(b.FullName, baseline is null ? null : before.GetValueOrDefault(b.FullName), b))
            .Concat(baseline?.Benchmarks.Where(b => !now.Contains(b.FullName)).Select(b => new BenchmarkVerdict(b.FullName, b, null)) ?? [])
            .ToList();
        return new BenchmarkComparison
        {
            Current = current,
            Baseline = baseline,
            BaselineMissing = baseline is null ? baselineMissing ?? "no benchmark baseline was given" : null,
            HostDifferences = baseline?.Host is { } a && current.Host is { } b2 ? Inputs.Benchmarks.BenchmarkHosts.Differences(a, b2) : [],
            Benchmarks = entries,
        };
    }
}

/// <summary>
/// One benchmark of a comparison: its result in the baseline and in this run (either may be null: removed,
/// new), the figures compared and the verdict of each check on it.
/// </summary>
/// <param name="FullName">The full name both runs share.</param>
/// <param name="Base">The baseline's result; null for a new benchmark (or when there is no baseline).</param>
/// <param name="Current">This run's result; null for a removed benchmark.</param>
internal sealed record BenchmarkVerdict(string FullName, BenchmarkResult? Base, BenchmarkResult? Current)
{
    /// <summary>Mean time now ÷ mean time in the baseline (BenchmarkDotNet's Ratio column); null unless both ran.</summary>
    public double? Ratio => Base is { Mean: > 0 } b && Current is { } c ? c.Mean / b.Mean : null;

    /// <summary>The mean time's increase as a fraction of the baseline (0.25 = 25 % slower; negative: faster); null unless both ran.</summary>
    public double? TimeIncrease => Ratio - 1;

    /// <summary>
    /// The p-value of the time test: how likely this run's measurements would be as much slower as they are if
    /// the code were no more than the maximum latency increase slower (one-sided Mann-Whitney U test; see
    /// docs/benchmarks.md). Null when not computed.
    /// </summary>
    public double? PValue { get; init; }

    /// <summary>What the time check made of this benchmark.</summary>
    public BenchmarkOutcome Time { get; init; } = BenchmarkOutcome.NotJudged;

    /// <summary>
    /// Allocated bytes per operation: the increase in percent of the baseline (15 = 15 %); positive infinity when
    /// an allocation-free benchmark now allocates; null unless both runs measured allocations.
    /// </summary>
    public double? AllocatedIncreasePercent => (Base?.AllocatedBytes, Current?.AllocatedBytes) switch
    {
        (> 0 and var before, { } after) => (after - before) / before * 100,
        (0, > 0) => double.PositiveInfinity,
        (0, 0) => 0,
        _ => null,
    };

    /// <summary>What the allocation check made of this benchmark.</summary>
    public BenchmarkOutcome Allocated { get; init; } = BenchmarkOutcome.NotJudged;

    /// <summary>The active waiver that let this benchmark's time regression through (<c>benchmarks.time[name]</c>), or null.</summary>
    public Waivers.Waiver? TimeWaiver { get; init; }

    /// <summary>The active waiver that let this benchmark's allocation increase through (<c>benchmarks.allocated[name]</c>), or null.</summary>
    public Waivers.Waiver? AllocatedWaiver { get; init; }

    /// <summary>Why the benchmark was not judged (too few measurements, no allocation figures), for reports; null otherwise.</summary>
    public string? Note { get; init; }
}

/// <summary>What one check made of one benchmark.</summary>
internal enum BenchmarkOutcome
{
    /// <summary>Not compared: new, removed, no baseline, or no figures to compare (see <see cref="BenchmarkVerdict.Note"/>).</summary>
    NotJudged,
    /// <summary>At or below the maximum increase.</summary>
    Within,
    /// <summary>Faster (time) or smaller (allocations) than the baseline by more than the maximum; for time, significantly so.</summary>
    Improved,
    /// <summary>Time only: beyond the maximum on the means, but the test does not find it significant; passes.</summary>
    NotSignificant,
    /// <summary>Beyond the warning level (significantly, for time), within the maximum: passes with QG2018.</summary>
    Warning,
    /// <summary>Beyond the maximum (significantly, for time): fails the check.</summary>
    Regressed,
    /// <summary>Regressed, but an active waiver naming the benchmark lets it through.</summary>
    Waived,
}
