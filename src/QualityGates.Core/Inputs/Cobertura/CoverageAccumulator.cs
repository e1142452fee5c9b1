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
            var unmatched = new List<string>();
            foreach (var (path, tally) in files)
            {
                if (mergedFiles.TryGetValue(path, out var existing))
                {
                    existing.MergeFrom(tally);
                }
                else
                {
                    unmatched.Add(path);
                }
            }

            if (unmatched.Count > 0)
            {
                AddUnmatched(mergedFiles, files, unmatched);
            }
        }
    }

    /// <summary>
    /// Files whose path no earlier report used: the same file under another root joins its match
    /// (<see cref="SourceFileIdentity"/>); any other is new. The first report of a file hands over its tally: no copy.
    /// </summary>
    private static void AddUnmatched(Dictionary<string, LineTally> mergedFiles, Dictionary<string, LineTally> files, List<string> unmatched)
    {
        // Only merged files this report does not name, with the same file name, can be the same file.
        var candidates = mergedFiles.Keys.Where(path => !files.ContainsKey(path))
            .ToLookup(SourceFileIdentity.FileName, StringComparer.Ordinal);
        var peers = unmatched.ToLookup(SourceFileIdentity.FileName, StringComparer.Ordinal);
        foreach (var path in unmatched)
        {
            var name = SourceFileIdentity.FileName(path);
            var same = candidates.Contains(name)
                ? SourceFileIdentity.Match(path, candidates[name].ToList(), peers[name].ToList())
                : null;
            if (same is not null)
            {
                mergedFiles[same].MergeFrom(files[path]);
            }
            else
            {
                mergedFiles.Add(path, files[path]);
            }
        }
    }

    /// <summary>Every assembly (Cobertura package name) the merged reports hold, whatever a filter keeps.</summary>
    public IEnumerable<string> Assemblies => _merged.Packages.Keys;

    /// <summary>The merged source files <paramref name="filter"/> keeps, by normalised path (a path may repeat, once per package).</summary>
    public IEnumerable<(string Path, LineTally Tally)> KeptFiles(CoverageFilter filter)
    {
        var matcher = filter.Compile();
        return _merged.Packages.Where(p => matcher.KeepsAssembly(p.Key))
            .SelectMany(p => p.Value.Where(f => matcher.KeepsFile(f.Key)).Select(f => (f.Key, f.Value)));
    }

    /// <summary>Adds up what <paramref name="filter"/> keeps; what it leaves out is counted in <see cref="CoverageSummary.Excluded"/>.</summary>
    public CoverageSummary ToSummary(CoverageFilter? filter = null)
    {
        filter ??= CoverageFilter.None;
        var matcher = filter.Compile();
        var names = _merged.Packages.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var packages = new List<PackageCoverage>(names.Length);
        var excludedPackages = new List<PackageCoverage>();
        var sourceFiles = new HashSet<string>(StringComparer.Ordinal);
        var uncovered = new UncoveredFileList();
        var total = default(CoverageTotals);
        var excludedFiles = 0;
        var excludedByFile = default(CoverageTotals);
        foreach (var name in names)
        {
            var package = default(CoverageTotals);
            var keepsAssembly = matcher.KeepsAssembly(name);
            foreach (var (path, tally) in _merged.Packages[name])
            {
                var totals = tally.Totals();
                if (keepsAssembly && !matcher.KeepsFile(path))
                {
                    excludedFiles++;
                    excludedByFile += totals;
                    continue;
                }

                package += totals;
                if (keepsAssembly)
                {
                    sourceFiles.Add(path);
                    uncovered.Offer(name, path, totals, tally);
                }
            }

            var row = new PackageCoverage(name, package.LinesCovered, package.LinesValid, package.BranchesCovered, package.BranchesValid);
            if (!keepsAssembly)
            {
                excludedPackages.Add(row);
                continue;
            }

            total += package;
            packages.Add(row);
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
            UncoveredFiles = uncovered.Worst(),
            Excluded = filter.IsEmpty ? null : new CoverageExclusions(filter.Describe(), excludedPackages, excludedFiles, excludedByFile.LinesValid),
        };
    }
}
