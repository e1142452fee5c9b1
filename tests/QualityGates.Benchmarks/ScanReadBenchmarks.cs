using BenchmarkDotNet.Attributes;
using QualityGates.Inputs.Security;

namespace QualityGates.Benchmarks;

/// <summary>
/// SecurityScanReader (streaming) against the DOM reader it replaced (<see cref="DomScanReader"/>), on
/// the same generated scan of about QG_BENCH_SCAN_MB megabytes (default 200) per format. Allocated bytes
/// come from [MemoryDiagnoser]; the peak working set of each in a fresh process from measure-scan.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ScanReadBenchmarks
{
    private string _path = string.Empty;

    [Params(LargeScanWriter.Trivy, LargeScanWriter.Sarif, LargeScanWriter.Grype)]
    public string Format { get; set; } = LargeScanWriter.Trivy;

    public static long Bytes()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QG_BENCH_SCAN_MB");
        return (string.IsNullOrEmpty(fromEnvironment) ? 200 : long.Parse(fromEnvironment, System.Globalization.CultureInfo.InvariantCulture)) * 1024 * 1024;
    }

    [GlobalSetup]
    public void Generate()
    {
        _path = Path.Combine(Path.GetTempPath(), $"qg-bench-scan-{Format}-{Bytes()}.json");
        if (!File.Exists(_path))
        {
            LargeScanWriter.Write(_path, Format, LargeScanWriter.FindingsFor(Bytes()));
        }
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public int DomReader() => DomScanReader.CountFindings(_path);

    [Benchmark]
    public int StreamingReader()
    {
        var summary = SecurityScanReader.Read(_path);
        return summary.Critical + summary.High + summary.Medium + summary.Low + summary.Unknown;
    }
}
