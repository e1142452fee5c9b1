namespace QualityGates.Metrics;

/// <summary>
/// The figures a ratchet holds the run to, read from an earlier JSON gate report: the last approved one
/// in the registry for the model and context, or a report file the user named. Rates are fractions
/// (0–1); a figure the report did not have is null, and its ratchet check is skipped.
/// </summary>
/// <param name="Source">Where the figures came from, as messages name it ("the last approval of veran v6.1 for staging (…/latest.json)").</param>
/// <param name="LineRate">The baseline's line coverage (the report's <c>metrics.coverage.lineRate</c>).</param>
/// <param name="BranchRate">The baseline's branch coverage (<c>metrics.coverage.branchRate</c>).</param>
/// <param name="PassRate">The baseline's test pass rate (<c>metrics.tests.passRate</c>).</param>
internal sealed record RatchetBaseline(string Source, double? LineRate, double? BranchRate, double? PassRate);
