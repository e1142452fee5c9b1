namespace QualityGates.Metrics;

/// <summary>Line and branch coverage, merged per source file and line across all files read.</summary>
public sealed record CoverageSummary
{
    public long LinesCovered { get; init; }
    public long LinesValid { get; init; }
    public long BranchesCovered { get; init; }
    public long BranchesValid { get; init; }
    /// <summary>Per package (assembly) figures, for reports.</summary>
    public IReadOnlyList<PackageCoverage> Packages { get; init; } = Array.Empty<PackageCoverage>();
    public IReadOnlyList<string> SourceFiles { get; init; } = Array.Empty<string>();

    /// <summary>Covered / valid lines (0–1), or null when there are no lines.</summary>
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;

    /// <summary>Covered / valid branches (0–1), or null when there are no branches.</summary>
    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;
}

/// <summary>Coverage of one Cobertura package (for .NET producers, one assembly).</summary>
public sealed record PackageCoverage(string Name, long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;
    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;
}
