namespace QualityGates.Metrics;

/// <summary>
/// Model quality and performance, with the seed's field names in JSON (<c>quality_score</c>,
/// <c>latency_ms</c>, optional <c>baseline_*</c>). Every value is optional: a check whose value is
/// missing is skipped (or fails in strict mode), never computed on made-up numbers.
/// </summary>
internal sealed record ModelMetrics
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
    /// <summary>The separate baseline file the Baseline* values came from, or null when none was combined.</summary>
    public string? BaselineSourceFile { get; init; }

    /// <summary>
    /// These metrics compared against a separate baseline file of the same shape: the baseline's
    /// <c>quality_score</c>, <c>latency_ms</c> and <c>memory_mb</c> become the Baseline* values.
    /// The baseline file wins over <c>baseline_*</c> written in the metrics file, because the user
    /// named it for this gate run; a value the baseline file lacks keeps the metrics file's own
    /// <c>baseline_*</c>. The baseline file's own <c>baseline_*</c> and other fields are ignored.
    /// </summary>
    public ModelMetrics WithBaseline(ModelMetrics baselineFile) => this with
    {
        BaselineQualityScore = baselineFile.QualityScore ?? BaselineQualityScore,
        BaselineLatencyMs = baselineFile.LatencyMs ?? BaselineLatencyMs,
        BaselineMemoryMb = baselineFile.MemoryMb ?? BaselineMemoryMb,
        BaselineSourceFile = baselineFile.SourceFile,
    };
}
