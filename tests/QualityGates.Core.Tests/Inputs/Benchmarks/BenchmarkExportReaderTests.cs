using System.Text.Json;
using System.Text.Json.Nodes;
using QualityGates.Errors;
using QualityGates.Inputs;
using QualityGates.Inputs.Benchmarks;

namespace QualityGates.Tests.Inputs.Benchmarks;

/// <summary>BenchmarkDotNet's JSON exports, read from real runs: full and brief, a failed run, a truncated file, one benchmark twice, another machine.</summary>
public sealed class BenchmarkExportReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static QualityGates.Metrics.BenchmarkRun Read(params string[] paths) => BenchmarkExportReader.Read(paths, BenchmarkExportReader.Kind, null, null);

    [Fact]
    public void ReadsEveryBenchmarkWithItsParametersAndTheWorkloadMeasurementsBenchmarkDotNetsStatisticsUse()
    {
        var run = Read(BenchmarkFixtures.Types.Select(t => BenchmarkFixtures.Full("base", t)).ToArray());

        Assert.Equal(7, run.Benchmarks.Count);
        Assert.Contains(run.Benchmarks, b => b.FullName == BenchmarkFixtures.Namespace + "TextBenchmarks.Upper(Length: 4096)");
        using var export = JsonDocument.Parse(File.ReadAllText(BenchmarkFixtures.Full("base", "TextBenchmarks")));
        foreach (var expected in export.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            var benchmark = Assert.Single(run.Benchmarks, b => b.FullName == expected.GetProperty("FullName").GetString());
            var statistics = expected.GetProperty("Statistics");
            Assert.Equal(statistics.GetProperty("OriginalValues").EnumerateArray().Select(v => v.GetDouble()), benchmark.Samples, new Tolerance());
            Assert.Equal(statistics.GetProperty("Mean").GetDouble(), benchmark.Mean, 1e-6);
            Assert.Equal(statistics.GetProperty("ConfidenceInterval").GetProperty("Margin").GetDouble(), benchmark.Error!.Value, 1e-9);
            Assert.Equal(expected.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetDouble(), benchmark.AllocatedBytes);
            Assert.True(benchmark.Line > 1);
        }

        Assert.Equal(("AMD EPYC", ".NET 10.0.12 (10.0.12, 10.0.1226.42308)", 2), (run.Host!.Processor, run.Host.Runtime, run.Host.LogicalCores));
    }

    [Fact]
    public void ABriefExportGivesTheSameMeasurementsAndTheTwoExportsOfOneRunCountOnce()
    {
        var full = Read(BenchmarkFixtures.Full("base", "TextBenchmarks"));
        var brief = Read(BenchmarkFixtures.Brief("base", "TextBenchmarks"));
        var rows = new List<InputFileRead>();

        var both = BenchmarkExportReader.Read([BenchmarkFixtures.Full("base", "TextBenchmarks"), BenchmarkFixtures.Brief("base", "TextBenchmarks")], BenchmarkExportReader.Kind, rows, null);

        Assert.Equal(full.Benchmarks.Select(b => (b.FullName, b.Samples.Count, b.AllocatedBytes)), brief.Benchmarks.Select(b => (b.FullName, b.Samples.Count, b.AllocatedBytes)));
        Assert.Equal(full.Benchmarks.SelectMany(b => b.Samples), brief.Benchmarks.SelectMany(b => b.Samples), new Tolerance());
        Assert.Equal(4, both.Benchmarks.Count);
        Assert.Equal(BenchmarkFixtures.Full("base", "TextBenchmarks"), rows[1].SameAs);
    }

    [Fact]
    public void AFailedRunIsAnErrorNamingTheBenchmarkTheFileAndTheLine()
    {
        var path = BenchmarkFixtures.Full("broken", "ParseBenchmarks");

        // BenchmarkDotNet wrote the benchmark that threw with "Statistics": null and no measurements.
        var line = File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("\"Benchmarks\"", StringComparison.Ordinal)) + 2;

        var error = Assert.Throws<QualityGatesException>(() => Read(path));

        Assert.Equal((ErrorCodes.BenchmarkRunFailed, path, line), (error.Code, error.File, error.Line));
        Assert.Contains("'QualityGates.BenchmarkSubject.ParseBenchmarks.SumCsv' has no workload measurements", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"'{path}' line {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedExportIsMalformedJsonWithItsLine()
    {
        var text = File.ReadAllText(BenchmarkFixtures.Full("base", "TextBenchmarks"));
        var path = _dir.Write("truncated-report-full.json", text[..(text.Length / 2)]);

        var error = Assert.Throws<QualityGatesException>(() => Read(path));

        Assert.Equal((ErrorCodes.MalformedJson, path), (error.Code, error.File));
        Assert.True(error.Line > 100, error.Message);
    }

    [Fact]
    public void AFileThatIsNoBenchmarkDotNetExportIsTheWrongKind()
    {
        var error = Assert.Throws<QualityGatesException>(() => Read(Fixtures.Path("security", "grype", "grype-TestJsonImgsPresenter.json")));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("not a BenchmarkDotNet JSON export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBenchmarkTwiceInARunIsAnErrorNamingBothPlaces()
    {
        // The same class exported by a second run (another title) and given as part of this one.
        var copy = JsonNode.Parse(File.ReadAllText(BenchmarkFixtures.Full("base", "ParseBenchmarks")))!;
        copy["Title"] = "QualityGates.BenchmarkSubject.ParseBenchmarks-20261207-170000";
        var second = _dir.Write("second-report-full.json", copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var error = Assert.Throws<QualityGatesException>(() => Read(BenchmarkFixtures.Full("base", "ParseBenchmarks"), second));

        Assert.Equal((ErrorCodes.BenchmarkNameDuplicated, second), (error.Code, error.File));
        Assert.Contains($"'{BenchmarkFixtures.SumCsv}' is already in this run ('{BenchmarkFixtures.Full("base", "ParseBenchmarks")}' line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportsOfOneRunFromTwoMachinesWarnNamingTheDifference()
    {
        var copy = JsonNode.Parse(File.ReadAllText(BenchmarkFixtures.Full("base", "ParseBenchmarks")))!;
        copy["HostEnvironmentInfo"]!["ProcessorName"] = "Intel Xeon Platinum 8370C";
        var other = _dir.Write("other-report-full.json", copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var warnings = new DiagnosticBag();

        BenchmarkExportReader.Read([BenchmarkFixtures.Full("base", "TextBenchmarks"), other], BenchmarkExportReader.Kind, null, warnings);

        var warning = Assert.Single(warnings);
        Assert.Equal((ErrorCodes.BenchmarkHostsDiffer, other, 3), (warning.Code, warning.File, warning.Line));
        Assert.Contains("processor AMD EPYC → Intel Xeon Platinum 8370C", warning.Message, StringComparison.Ordinal);
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
