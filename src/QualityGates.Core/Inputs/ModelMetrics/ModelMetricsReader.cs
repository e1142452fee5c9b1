using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.ModelMetrics;

/// <summary>
/// Reads a model metrics JSON file with the seed's snake_case fields. Every field is optional and
/// unknown fields are ignored; a value must be a finite number, and latency, memory and throughput
/// must not be negative. A file with none of the fields is taken for the wrong file.
/// </summary>
internal static class ModelMetricsReader
{
    private static readonly string[] KnownFields =
    [
        "quality_score", "accuracy", "f1_score", "perplexity", "latency_ms", "throughput_tokens_per_sec",
        "memory_mb", "baseline_quality_score", "baseline_latency_ms", "baseline_memory_mb",
    ];

    public static Metrics.ModelMetrics Read(string path)
    {
        using var file = JsonInputFile.Open(path);
        var root = file.Root;
        if (root.Kind != JsonValueKind.Object || !KnownFields.Any(root.Contains))
        {
            throw root.Error(ErrorCodes.WrongFileKind,
                $"not a model metrics file: expected a JSON object with fields such as quality_score or latency_ms, but the top level is {Shape(root)}.");
        }

        return new Metrics.ModelMetrics
        {
            QualityScore = root.Optional("quality_score")?.AsFiniteNumber(),
            Accuracy = root.Optional("accuracy")?.AsFiniteNumber(),
            F1Score = root.Optional("f1_score")?.AsFiniteNumber(),
            Perplexity = root.Optional("perplexity")?.AsFiniteNumber(),
            LatencyMs = root.Optional("latency_ms")?.AsNonNegativeNumber(),
            ThroughputTokensPerSec = root.Optional("throughput_tokens_per_sec")?.AsNonNegativeNumber(),
            MemoryMb = root.Optional("memory_mb")?.AsNonNegativeNumber(),
            BaselineQualityScore = root.Optional("baseline_quality_score")?.AsFiniteNumber(),
            BaselineLatencyMs = root.Optional("baseline_latency_ms")?.AsNonNegativeNumber(),
            BaselineMemoryMb = root.Optional("baseline_memory_mb")?.AsNonNegativeNumber(),
            SourceFile = path,
        };
    }

    /// <summary>
    /// Reads the metrics file and a separate baseline file of the same shape and combines them with
    /// <see cref="Metrics.ModelMetrics.WithBaseline"/> (the baseline file's values win).
    /// </summary>
    public static Metrics.ModelMetrics ReadWithBaseline(string metricsPath, string baselinePath) =>
        Read(metricsPath).WithBaseline(Read(baselinePath));

    private static string Shape(JsonCursor root) =>
        root.Kind == JsonValueKind.Object ? "an object with none of them" : root.Description;
}
