namespace QualityGates.Reports;

/// <summary>
/// Where a report was made, when a CI server is known: written as the JSON report's <c>ci</c> object
/// so a report found later leads back to its build. Every part is optional.
/// </summary>
/// <param name="Provider">The CI system, e.g. "jenkins" or "github-actions".</param>
/// <param name="BuildNumber">The build or run number as the CI server shows it.</param>
/// <param name="BuildUrl">A link to the build.</param>
/// <param name="Commit">The commit that was built.</param>
public sealed record CiBuildInfo(string? Provider = null, string? BuildNumber = null, string? BuildUrl = null, string? Commit = null);
