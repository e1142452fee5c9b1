using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Trx;

namespace QualityGates.Benchmarks;

/// <summary>
/// Merging the files of 200 CI shards (200 TRX files, 200,000 results; 200 Cobertura files, 2,000,000
/// class-level lines) against reading the same files one by one, side by side in one run: the target
/// is a merge within 1.3x of the one-by-one reads. Peak working set of a whole process:
/// <c>compare-shards</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ShardMergeBenchmarks
{
    private IReadOnlyList<string> _trx = [];
    private IReadOnlyList<string> _cobertura = [];

    [GlobalSetup]
    public void Generate() => (_trx, _cobertura) = ShardFiles.Write(Path.Combine(Path.GetTempPath(), "qg-bench-shards"));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("TRX")]
    public int TrxOneByOne()
    {
        var reader = new TrxReader();
        var total = 0;
        foreach (var path in _trx)
        {
            total += reader.Read(path).Total;
        }

        return total;
    }

    [Benchmark]
    [BenchmarkCategory("TRX")]
    public int TrxMerged() => new TrxReader().ReadAll(_trx).Total;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Cobertura")]
    public long CoberturaOneByOne()
    {
        var reader = new CoberturaReader();
        long valid = 0;
        foreach (var path in _cobertura)
        {
            valid += reader.Read(path).LinesValid;
        }

        return valid;
    }

    [Benchmark]
    [BenchmarkCategory("Cobertura")]
    public long CoberturaMerged() => new CoberturaReader().ReadAll(_cobertura).LinesValid;
}
