using QualityGates.Integrations;

namespace QualityGates.Cli;

/// <summary>What a <c>check</c> writes and publishes besides its table and error lines.</summary>
/// <param name="Json">Print the JSON report on stdout (and nothing else there).</param>
/// <param name="JUnitPath">A JUnit file to write (<c>--junit</c>), or null.</param>
/// <param name="ReportDirectory">The report folder to write (<c>--report-dir</c>), or null.</param>
/// <param name="Ci">CI and webhook publishing.</param>
internal sealed record CheckReports(bool Json, string? JUnitPath, string? ReportDirectory, CiReportOptions Ci);
