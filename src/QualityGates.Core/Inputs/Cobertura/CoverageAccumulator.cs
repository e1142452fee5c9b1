using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Merges reports per package, source file and line, and adds the result up once at the end. The
/// total is the sum of the packages, so a report's package table always adds up to its total.
/// </summary>
internal sealed class CoverageAccumulator
{
    private readonly Dictionary<(string Package, string SourcePath), LineTally> _files = new();
    private readonly HashSet<string> _packages = new(StringComparer.Ordinal);

    public void Add(CoberturaReport report)
    {
        _packages.UnionWith(report.Packages);
        foreach (var (key, tally) in report.Files)
        {
            if (_files.TryGetValue(key, out var existing))
            {
                existing.MergeFrom(tally);
            }
            else
            {
                // The first report of a file hands over its tally: no copy.
                _files.Add(key, tally);
            }
        }
    }

    public CoverageSummary ToSummary()
    {
        var byPackage = _packages.ToDictionary(name => name, _ => default(CoverageTotals), StringComparer.Ordinal);
        foreach (var ((package, _), tally) in _files)
        {
            byPackage[package] += tally.Totals();
        }

        var total = default(CoverageTotals);
        var packages = new List<PackageCoverage>(byPackage.Count);
        foreach (var (name, totals) in byPackage.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            total += totals;
            packages.Add(new PackageCoverage(name, totals.LinesCovered, totals.LinesValid, totals.BranchesCovered, totals.BranchesValid));
        }

        return new CoverageSummary
        {
            LinesCovered = total.LinesCovered,
            LinesValid = total.LinesValid,
            BranchesCovered = total.BranchesCovered,
            BranchesValid = total.BranchesValid,
            Packages = packages,
            SourceFiles = _files.Keys.Select(key => key.SourcePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
