namespace QualityGates.Metrics;

/// <summary>
/// Model quality and performance, with the seed's field names in JSON (<c>quality_score</c>,
/// <c>latency_ms</c>, optional <c>baseline_*</c>). Every value is optional: a check whose value is
/// missing is skipped (or fails in strict mode), never computed on made-up numbers.
/// </summary>
public sealed record ModelMetrics
{
    public double? QualityScore { get; init; }
    public double? Accuracy { get; init; }
    public double? F1Score { get; init; }
    public double? Perplexity { get; init; }
    public double? LatencyMs { get; init; }
    public double? ThroughputTokensPerSec { get; init; }
    public double? MemoryMb { get; init; }
    public double? BaselineQualityScore { get; init; }
    public double? BaselineLatencyMs { get; init; }
    public double? BaselineMemoryMb { get; init; }
    public string? SourceFile { get; init; }
}
