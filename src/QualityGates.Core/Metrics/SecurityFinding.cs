namespace QualityGates.Metrics;

/// <summary>
/// One de-duplicated security finding that carries an advisory: a package finding (Trivy, grype,
/// <c>dotnet list package --vulnerable</c>) or a SARIF result, with every identifier the scanners gave for it.
/// Reports of one advisory under a CVE by one scanner and a GHSA by another, on the same package and
/// version, are one finding.
/// </summary>
/// <param name="Advisory">The identifier first seen (<c>CVE-2019-18224</c>, <c>GHSA-5crp-9r3c-p9vr</c>, a SARIF rule id).</param>
/// <param name="Aliases">The other identifiers of the same advisory (CVE and GHSA ids the scanners named), upper case; empty when none.</param>
/// <param name="Package">The package name, or null for a SARIF result.</param>
/// <param name="Version">The installed version, or null when not known.</param>
/// <param name="Severity">critical, high, medium, low or unknown.</param>
internal sealed record SecurityFinding(string Advisory, IReadOnlyList<string> Aliases, string? Package, string? Version, string Severity)
{
    /// <summary>What was found: <c>package</c> (Trivy, grype, dotnet list package), <c>result</c> (a SARIF result), <c>secret</c> or <c>misconfiguration</c> (Trivy).</summary>
    public string Kind { get; init; } = "package";

    /// <summary>The version that fixes it, when the scanner says (Trivy <c>FixedVersion</c>, grype <c>fix.versions</c>); null otherwise.</summary>
    public string? FixedVersion { get; init; }

    /// <summary>The file name of the scan that first reported it; null when not known.</summary>
    public string? ScanFile { get; init; }

    /// <summary>The tool that first reported it: in a SARIF file with several runs, the driver of the run that holds it; null when not known.</summary>
    public string? Tool { get; init; }

    /// <summary>Where it was found when it has no package: a SARIF result's <c>uri:line</c>, a Trivy secret's or misconfiguration's target and line; null otherwise.</summary>
    public string? Location { get; init; }

    /// <summary>The scanner's message when that is all that tells the finding apart (SARIF results, misconfigurations), at most 200 characters; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>True when <paramref name="id"/> is this finding's advisory or one of its aliases (ignoring case).</summary>
    public bool IsKnownAs(string id) =>
        string.Equals(Advisory, id, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="other"/> names the same advisory finding (advisory, package and version, ignoring case): a listed finding and the one waivers matched.</summary>
    public bool IsSameAs(SecurityFinding other) =>
        Kind is "package" or "result" && Kind == other.Kind
        && string.Equals(Advisory, other.Advisory, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Package, other.Package, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

    /// <summary>"CVE-2019-18224 (GHSA-…) in libidn2-0 2.0.5-1", for messages and reports.</summary>
    public override string ToString()
    {
        var aliases = Aliases.Count == 0 ? string.Empty : $" ({string.Join(", ", Aliases)})";
        var package = Package is null ? string.Empty : $" in {Package}{(string.IsNullOrEmpty(Version) ? string.Empty : " " + Version)}";
        var fixedIn = FixedVersion is null ? string.Empty : $" (fixed in {FixedVersion})";
        var location = Package is null && Location is not null ? $" at {Location}" : string.Empty;
        return Advisory + aliases + package + fixedIn + location;
    }
}
