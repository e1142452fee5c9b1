namespace QualityGates.Metrics;

/// <summary>Line and branch coverage, merged per source file and line across all files read.</summary>
internal sealed record CoverageSummary
{
    public long LinesCovered { get; init; }
    public long LinesValid { get; init; }
    public long BranchesCovered { get; init; }
    public long BranchesValid { get; init; }
    /// <summary>Per package (assembly) figures, for reports.</summary>
    public IReadOnlyList<PackageCoverage> Packages { get; init; } = Array.Empty<PackageCoverage>();
    public IReadOnlyList<string> SourceFiles { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The source files with uncovered lines, worst (most uncovered lines) first, at most
    /// <see cref="UncoveredFile.MaxFiles"/>; for reports.
    /// </summary>
    public IReadOnlyList<UncoveredFile> UncoveredFiles { get; init; } = Array.Empty<UncoveredFile>();

    /// <summary>What the coverage filter left out of the figures, or null when no filter was set.</summary>
    public CoverageExclusions? Excluded { get; init; }

    /// <summary>Covered / valid lines (0–1), or null when there are no lines.</summary>
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;

    /// <summary>Covered / valid branches (0–1), or null when there are no branches.</summary>
    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;
}

/// <summary>Coverage of one Cobertura package (for .NET producers, one assembly).</summary>
internal sealed record PackageCoverage(string Name, long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;
    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;
}

/// <summary>
/// A source file with lines no test ran: its assembly, path as the producer wrote it, line counts, and the
/// uncovered line numbers as ranges ("12-15, 40"), at most <see cref="MaxRanges"/> ranges.
/// </summary>
internal sealed record UncoveredFile(string Package, string Path, long LinesCovered, long LinesValid, string UncoveredLines)
{
    /// <summary>Files listed at most, so a report stays readable and its size bounded.</summary>
    public const int MaxFiles = 100;

    /// <summary>Line ranges listed per file at most; the rest are summarised as "… and N more".</summary>
    public const int MaxRanges = 60;

    public long LinesUncovered => LinesValid - LinesCovered;
}

/// <summary>What a coverage filter left out: its rules, the excluded assemblies with their figures, and the files excluded by pattern.</summary>
/// <param name="Rules">The filter as a person reads it ("exclude assemblies Lib.Tests").</param>
/// <param name="Assemblies">Assemblies left out, with the lines they held.</param>
/// <param name="Files">Source files of kept assemblies left out by a file pattern.</param>
/// <param name="FileLinesValid">Coverable lines in those files.</param>
internal sealed record CoverageExclusions(IReadOnlyList<string> Rules, IReadOnlyList<PackageCoverage> Assemblies, int Files, long FileLinesValid);
