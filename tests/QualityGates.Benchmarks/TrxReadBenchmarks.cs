using BenchmarkDotNet.Attributes;
using QualityGates.Inputs.Trx;

namespace QualityGates.Benchmarks;

/// <summary>
/// TrxReader on a generated VSTest-shaped TRX of QG_BENCH_TRX_RESULTS results (default 100,000),
/// with the allocation figures that show it streams.
/// </summary>
[MemoryDiagnoser]
public class TrxReadBenchmarks
{
    private string _path = string.Empty;

    [ParamsSource(nameof(ResultCounts))]
    public int Results { get; set; }

    public static IEnumerable<int> ResultCounts()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QG_BENCH_TRX_RESULTS");
        yield return string.IsNullOrEmpty(fromEnvironment) ? 100_000 : int.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GlobalSetup]
    public void Generate()
    {
        _path = Path.Combine(Path.GetTempPath(), $"qg-bench-trx-{Results}.trx");
        LargeTrxWriter.Write(_path, Results, failedEvery: 7, skippedEvery: 11);
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(_path);

    [Benchmark]
    public int TrxReaderRead() => new TrxReader().Read(_path).Total;
}
