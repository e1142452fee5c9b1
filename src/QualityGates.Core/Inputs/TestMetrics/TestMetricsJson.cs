using QualityGates.Metrics;

namespace QualityGates.Inputs.TestMetrics;

/// <summary>
/// What a test metrics JSON file says: the test counts, and the line coverage as a rate (0–1)
/// converted from the file's <c>coverage_percent</c> (0–100), or null when the file has none.
/// </summary>
internal sealed record TestMetricsJson(TestRunSummary Tests, double? CoverageLineRate);
