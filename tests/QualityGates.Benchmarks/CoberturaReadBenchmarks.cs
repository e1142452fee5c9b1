using BenchmarkDotNet.Attributes;
using QualityGates.Inputs.Cobertura;

namespace QualityGates.Benchmarks;

/// <summary>
/// CoberturaReader against a bare XmlReader pass on the same generated file. The size is
/// QG_BENCH_COBERTURA_LINES class-level lines (default 100,000, about 13 MB, for a quick run).
/// </summary>
[MemoryDiagnoser]
public class CoberturaReadBenchmarks
{
    private string _path = string.Empty;

    [ParamsSource(nameof(LineCounts))]
    public int Lines { get; set; }

    public static IEnumerable<int> LineCounts()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QG_BENCH_COBERTURA_LINES");
        yield return string.IsNullOrEmpty(fromEnvironment) ? 100_000 : int.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GlobalSetup]
    public void Generate()
    {
        _path = Path.Combine(Path.GetTempPath(), $"qg-bench-cobertura-{Lines}.xml");
        CoberturaGenerator.Write(_path, Lines);
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long BareXmlReaderPass() => BareLinePass.CountLines(_path);

    [Benchmark]
    public long CoberturaReaderRead() => new CoberturaReader().Read(_path).LinesValid;
}
