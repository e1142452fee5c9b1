using QualityGates.Errors;
using QualityGates.Inputs.ModelMetrics;

namespace QualityGates.Tests.Inputs.ModelMetrics;

/// <summary>Model metrics JSON with the seed's fields, and combining it with a baseline file.</summary>
public sealed class ModelMetricsReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsEverySeedFieldAndIgnoresUnknownOnes()
    {
        var path = temp.Write("metrics.json", """
            {
              "model": "veran",
              "quality_score": 0.87,
              "accuracy": 0.92,
              "f1_score": 0.89,
              "perplexity": 25.3,
              "latency_ms": 125.0,
              "throughput_tokens_per_sec": 45.2,
              "memory_mb": 2048,
              "baseline_quality_score": 0.85,
              "baseline_latency_ms": 120.0,
              "baseline_memory_mb": 2000.0,
              "extra": { "nested": [1, 2] }
            }
            """);

        var metrics = ModelMetricsReader.Read(path);

        Assert.Equal(
            (0.87, 0.92, 0.89, 25.3, 125.0, 45.2, 2048.0, 0.85, 120.0, 2000.0),
            (metrics.QualityScore, metrics.Accuracy, metrics.F1Score, metrics.Perplexity, metrics.LatencyMs,
             metrics.ThroughputTokensPerSec, metrics.MemoryMb, metrics.BaselineQualityScore, metrics.BaselineLatencyMs, metrics.BaselineMemoryMb));
        Assert.Equal(path, metrics.SourceFile);
        Assert.Null(metrics.BaselineSourceFile);
    }

    [Fact]
    public void LeavesAbsentAndNullFieldsMissing()
    {
        var path = temp.Write("metrics.json", """{ "quality_score": 0.9, "latency_ms": null }""");

        var metrics = ModelMetricsReader.Read(path);

        Assert.Equal(0.9, metrics.QualityScore);
        Assert.Null(metrics.LatencyMs);
        Assert.Null(metrics.Accuracy);
        Assert.Null(metrics.BaselineQualityScore);
    }

    [Fact]
    public void RejectsANumberWrittenAsAString()
    {
        var path = temp.Write("metrics.json", "{\n  \"quality_score\": 0.9,\n  \"latency_ms\": \"125\"\n}");

        var error = Assert.Throws<QualityGatesException>(() => ModelMetricsReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal($"'{path}' line 3: $.latency_ms must be a number, but is the string \"125\".", error.Message);
    }

    [Theory]
    [InlineData("latency_ms")]
    [InlineData("memory_mb")]
    [InlineData("throughput_tokens_per_sec")]
    [InlineData("baseline_latency_ms")]
    [InlineData("baseline_memory_mb")]
    public void RejectsANegativeResourceFigure(string field)
    {
        var path = temp.Write("metrics.json", $"{{\n  \"quality_score\": 0.9,\n  \"{field}\": -1.5\n}}");

        var error = Assert.Throws<QualityGatesException>(() => ModelMetricsReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Contains($"$.{field} is -1.5", error.Message);
    }

    [Fact]
    public void AcceptsANegativeQualityScore()
    {
        // Some scores (log-likelihoods) are negative; only latency, memory and throughput cannot be.
        var path = temp.Write("metrics.json", """{ "quality_score": -0.25 }""");

        Assert.Equal(-0.25, ModelMetricsReader.Read(path).QualityScore);
    }

    [Fact]
    public void RejectsANumberTooLargeToBeFinite()
    {
        var path = temp.Write("metrics.json", """{ "perplexity": 1e400 }""");

        var error = Assert.Throws<QualityGatesException>(() => ModelMetricsReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Contains("not a finite number", error.Message);
    }

    [Theory]
    [InlineData("[ { \"quality_score\": 0.9 } ]")]
    [InlineData("{ \"critical_vulnerabilities\": 0 }")]
    [InlineData("{}")]
    [InlineData("0.9")]
    public void RejectsAnotherShapeAsTheWrongKindOfFile(string json)
    {
        var path = temp.Write("metrics.json", json);

        var error = Assert.Throws<QualityGatesException>(() => ModelMetricsReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void ReportsTruncatedJsonWithTheLine()
    {
        var path = temp.Write("metrics.json", "{\n  \"quality_score\": 0.9,\n  \"latency_ms\": ");

        var error = Assert.Throws<QualityGatesException>(() => ModelMetricsReader.Read(path));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void TakesBaselineValuesFromTheBaselineFileOverTheMetricsFile()
    {
        var metricsPath = temp.Write("metrics.json", """
            { "quality_score": 0.87, "latency_ms": 125.0, "memory_mb": 2048.0,
              "baseline_quality_score": 0.80, "baseline_latency_ms": 100.0, "baseline_memory_mb": 1900.0 }
            """);
        var baselinePath = temp.Write("baseline.json", """
            { "quality_score": 0.85, "latency_ms": 120.0, "accuracy": 0.5, "baseline_quality_score": 0.1 }
            """);

        var metrics = ModelMetricsReader.ReadWithBaseline(metricsPath, baselinePath);

        Assert.Equal((0.85, 120.0), (metrics.BaselineQualityScore, metrics.BaselineLatencyMs));
        // The baseline file has no memory_mb, so the metrics file's own baseline stays.
        Assert.Equal(1900.0, metrics.BaselineMemoryMb);
        // Current values are untouched; the baseline's other fields are ignored.
        Assert.Equal((0.87, 125.0, 2048.0), (metrics.QualityScore, metrics.LatencyMs, metrics.MemoryMb));
        Assert.Null(metrics.Accuracy);
        Assert.Equal((metricsPath, baselinePath), (metrics.SourceFile, metrics.BaselineSourceFile));
    }

    [Fact]
    public void LeavesABaselineMissingWhenNeitherFileHasIt()
    {
        var current = new QualityGates.Metrics.ModelMetrics { QualityScore = 0.9, LatencyMs = 10 };
        var baseline = new QualityGates.Metrics.ModelMetrics { QualityScore = 0.8 };

        var combined = current.WithBaseline(baseline);

        Assert.Equal(0.8, combined.BaselineQualityScore);
        Assert.Null(combined.BaselineLatencyMs);
        Assert.Null(combined.BaselineMemoryMb);
    }
}
