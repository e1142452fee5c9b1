using System.Text.Json.Serialization;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>
/// The JSON report's <c>metrics.benchmarks</c> (only when benchmark files were named): both runs' sources and
/// hosts, the test, the new and removed benchmarks, and per benchmark its figures and verdicts. This run's
/// measurements are kept (<c>current.samplesNs</c>), so an approved report is the baseline of a later run
/// (<see cref="Inputs.Benchmarks.GateReportBenchmarks"/> reads them back). Times are nanoseconds per operation.
/// </summary>
internal sealed class JsonBenchmarks(BenchmarkComparison comparison)
{
    public JsonBenchmarkRun Current => new(comparison.Current);
    public JsonBenchmarkRun? Baseline => comparison.Baseline is { } baseline ? new(baseline) : null;
    public string? BaselineMissing => comparison.BaselineMissing;
    public IReadOnlyList<string> HostDifferences => comparison.HostDifferences;
    public JsonBenchmarkTest Test => new(comparison.Alpha);
    public IReadOnlyList<string> New => comparison.New;
    public IReadOnlyList<string> Removed => comparison.Removed;
    public IEnumerable<JsonBenchmarkVerdict> Results => comparison.Benchmarks.Select(b => new JsonBenchmarkVerdict(b));

    /// <summary>The word for an outcome in the JSON report: within, improved, not significant, warning, regressed, waived, not judged.</summary>
    public static string OutcomeName(BenchmarkOutcome outcome) => outcome switch
    {
        BenchmarkOutcome.Within => "within",
        BenchmarkOutcome.Improved => "improved",
        BenchmarkOutcome.NotSignificant => "not significant",
        BenchmarkOutcome.Warning => "warning",
        BenchmarkOutcome.Regressed => "regressed",
        BenchmarkOutcome.Waived => "waived",
        _ => "not judged",
    };
}

/// <summary>What was tested: the time test and its significance level, and what the allocation check compares.</summary>
internal sealed class JsonBenchmarkTest(double alpha)
{
    public string Time => "one-sided Mann-Whitney U (Perfolizer): this run slower than the baseline times (1 + maximum latency increase)";
    public double Alpha => alpha;
    public string Allocated => "bytes per operation, increase in percent of the baseline";
}

internal sealed class JsonBenchmarkRun(BenchmarkRun run)
{
    public string Source => run.Source;
    public IReadOnlyList<string> Files => run.Files;
    public JsonBenchmarkHost? Host => run.Host is { } host ? new(host) : null;
}

internal sealed class JsonBenchmarkHost(BenchmarkHost host)
{
    public string? Processor => host.Processor;
    public int? LogicalCores => host.LogicalCores;
    public string? Os => host.Os;
    public string? Runtime => host.Runtime;
    public string? Architecture => host.Architecture;
    public string? Jit => host.Jit;
    public string? BenchmarkDotNet => host.BenchmarkDotNetVersion;
}

/// <summary>One benchmark: its verdicts, the figures compared, and both runs' figures (this run's with its measurements).</summary>
internal sealed class JsonBenchmarkVerdict(BenchmarkVerdict b)
{
    public string Name => b.FullName;
    public string Time => JsonBenchmarks.OutcomeName(b.Time);
    public string Allocated => JsonBenchmarks.OutcomeName(b.Allocated);
    public double? Ratio => b.Ratio;
    public double? TimeIncrease => b.TimeIncrease;
    public double? PValue => b.PValue;

    /// <summary>Null when not measured, and when an allocation-free benchmark now allocates (an increase beyond any percentage: <c>allocated</c> says regressed).</summary>
    public double? AllocatedIncreasePercent => b.AllocatedIncreasePercent;

    public string? Note => b.Note;
    public JsonBenchmarkResult? Base => b.Base is { } before ? new(before, samples: false) : null;
    public JsonBenchmarkResult? Current => b.Current is { } now ? new(now, samples: true) : null;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<JsonWaiver>? Waivers => new[] { b.TimeWaiver, b.AllocatedWaiver }.OfType<Waivers.Waiver>().Distinct().ToList() is { Count: > 0 } waivers
        ? waivers.Select(w => JsonWaiver.Of(w))
        : null;
}

internal sealed class JsonBenchmarkResult(BenchmarkResult result, bool samples)
{
    public double MeanNs => result.Mean;
    public double? ErrorNs => result.Error;
    public double MedianNs => result.Median;
    public int Measurements => result.Samples.Count;
    public double? AllocatedBytes => result.AllocatedBytes;

    /// <summary>This run's measurements, in run order (the baseline of a later run); not written for the baseline's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? SamplesNs => samples ? result.Samples : null;
}
