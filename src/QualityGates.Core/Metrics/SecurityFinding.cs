namespace QualityGates.Metrics;

/// <summary>
/// One de-duplicated security finding that carries an advisory: a package finding (Trivy, grype,
/// <c>dotnet list package --vulnerable</c>) or a SARIF result, with every identifier the scanners gave for it.
/// Reports of one advisory under a CVE by one scanner and a GHSA by another, on the same package and
/// version, are one finding (issue 13).
/// </summary>
/// <param name="Advisory">The identifier first seen (<c>CVE-2019-18224</c>, <c>GHSA-5crp-9r3c-p9vr</c>, a SARIF rule id).</param>
/// <param name="Aliases">The other identifiers of the same advisory (CVE and GHSA ids the scanners named), upper case; empty when none.</param>
/// <param name="Package">The package name, or null for a SARIF result.</param>
/// <param name="Version">The installed version, or null when not known.</param>
/// <param name="Severity">critical, high, medium, low or unknown.</param>
public sealed record SecurityFinding(string Advisory, IReadOnlyList<string> Aliases, string? Package, string? Version, string Severity)
{
    /// <summary>True when <paramref name="id"/> is this finding's advisory or one of its aliases (ignoring case).</summary>
    public bool IsKnownAs(string id) =>
        string.Equals(Advisory, id, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>"CVE-2019-18224 (GHSA-…) in libidn2-0 2.0.5-1", for messages and reports.</summary>
    public override string ToString()
    {
        var aliases = Aliases.Count == 0 ? string.Empty : $" ({string.Join(", ", Aliases)})";
        var package = Package is null ? string.Empty : $" in {Package}{(string.IsNullOrEmpty(Version) ? string.Empty : " " + Version)}";
        return Advisory + aliases + package;
    }
}
