namespace QualityGates.Metrics;

/// <summary>Vulnerability counts by severity after de-duplication, from one or more scans.</summary>
internal sealed record SecuritySummary
{
    public int Critical { get; init; }
    public int High { get; init; }
    public int Medium { get; init; }
    public int Low { get; init; }
    /// <summary>Findings with no usable severity (reported, never gated).</summary>
    public int Unknown { get; init; }
    public int Total => Critical + High + Medium + Low + Unknown;
    /// <summary>The scanners named in the files (e.g. "trivy", "grype").</summary>
    public IReadOnlyList<string> ScanTools { get; init; } = Array.Empty<string>();
    /// <summary>The detected formats (e.g. "trivy", "sarif").</summary>
    public IReadOnlyList<string> Formats { get; init; } = Array.Empty<string>();
    public string? ScanTimestamp { get; init; }
    public IReadOnlyList<string> SourceFiles { get; init; } = Array.Empty<string>();

    /// <summary>The counted findings that carry an advisory (package findings, SARIF results), after de-duplication; waivers match these.</summary>
    public IReadOnlyList<SecurityFinding> Findings { get; init; } = [];

    /// <summary>
    /// The counted findings reports name (secrets and misconfigurations included), at most
    /// <see cref="ListedPerSeverity"/> of each severity, ordered by severity (highest first), then advisory id,
    /// then package; the rest of each severity are only counted.
    /// </summary>
    public IReadOnlyList<SecurityFinding> Listed { get; init; } = [];

    /// <summary>How many findings of one severity <see cref="Listed"/> holds at most.</summary>
    public const int ListedPerSeverity = 50;

    /// <summary>The count of <paramref name="severity"/> (critical, high, medium, low, unknown).</summary>
    public int CountOf(string severity) => severity switch
    {
        "critical" => Critical,
        "high" => High,
        "medium" => Medium,
        "low" => Low,
        _ => Unknown,
    };

    /// <summary>Findings an active waiver took out of the counts, each with its waiver; listed in reports, never counted.</summary>
    public IReadOnlyList<WaivedFinding> Waived { get; init; } = [];
}

/// <summary>A security finding an active waiver took out of the counts.</summary>
internal sealed record WaivedFinding(SecurityFinding Finding, Waivers.Waiver Waiver);
