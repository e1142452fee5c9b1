using BenchmarkDotNet.Attributes;
using QualityGates.Gates;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Running;

namespace QualityGates.Benchmarks;

/// <summary>
/// The benchmark gate on a BenchmarkDotNet export of QG_BENCH_BDN_BENCHMARKS benchmarks (default 1,000, each with
/// the measurements of a real one, about 23 KB): reading the export, and the whole gate run (both runs read,
/// 1,000 Mann-Whitney tests, the JSON, JUnit and HTML reports written).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BenchmarkExportReadBenchmarks
{
    private string _folder = string.Empty;
    private string _current = string.Empty;
    private string _baseline = string.Empty;

    [ParamsSource(nameof(Counts))]
    public int Benchmarks { get; set; }

    public static IEnumerable<int> Counts()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QG_BENCH_BDN_BENCHMARKS");
        yield return string.IsNullOrEmpty(fromEnvironment) ? 1_000 : int.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GlobalSetup]
    public void Generate()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"qg-bench-bdn-{Benchmarks}-{Environment.ProcessId}");
        Directory.CreateDirectory(_folder);
        _current = Path.Combine(_folder, "current-report-full.json");
        _baseline = Path.Combine(_folder, "baseline-report-full.json");
        BenchmarkExportWriter.Write(_current, Benchmarks, slower: 1.05);
        BenchmarkExportWriter.Write(_baseline, Benchmarks);
    }

    [GlobalCleanup]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int ReadExport() => BenchmarkExportReader.Read([_current], BenchmarkExportReader.Kind, null, null).Benchmarks.Count;

    [Benchmark]
    public bool JudgeAgainstBaseline() => new GateRun().Execute(new GateRunRequest
    {
        Groups = GateGroup.Benchmarks,
        BaseDirectory = _folder,
        Benchmarks = new BenchmarkOptions { Files = [_current], BaselineFiles = [_baseline] },
        Reports = new ReportOptions { Folder = "reports" },
        Environment = _ => null,
    }, TextWriter.Null).Passed;
}
