using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Merges reports per package, source file and line, and adds the result up once at the end. The
/// total is the sum of the packages, so a report's package table always adds up to its total.
/// </summary>
internal sealed class CoverageAccumulator
{
    private readonly CoberturaReport _merged = new();

    public void Add(CoberturaReport report)
    {
        foreach (var (package, files) in report.Packages)
        {
            var mergedFiles = _merged.FilesOf(package);
            foreach (var (path, tally) in files)
            {
                if (mergedFiles.TryGetValue(path, out var existing))
                {
                    existing.MergeFrom(tally);
                }
                else
                {
                    // The first report of a file hands over its tally: no copy.
                    mergedFiles.Add(path, tally);
                }
            }
        }
    }

    public CoverageSummary ToSummary()
    {
        var names = _merged.Packages.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var packages = new List<PackageCoverage>(names.Length);
        var sourceFiles = new HashSet<string>(StringComparer.Ordinal);
        var total = default(CoverageTotals);
        foreach (var name in names)
        {
            var package = default(CoverageTotals);
            foreach (var (path, tally) in _merged.Packages[name])
            {
                package += tally.Totals();
                sourceFiles.Add(path);
            }

            total += package;
            packages.Add(new PackageCoverage(name, package.LinesCovered, package.LinesValid, package.BranchesCovered, package.BranchesValid));
        }

        var sortedFiles = sourceFiles.ToArray();
        Array.Sort(sortedFiles, StringComparer.Ordinal);
        return new CoverageSummary
        {
            LinesCovered = total.LinesCovered,
            LinesValid = total.LinesValid,
            BranchesCovered = total.BranchesCovered,
            BranchesValid = total.BranchesValid,
            Packages = packages,
            SourceFiles = sortedFiles,
        };
    }
}
