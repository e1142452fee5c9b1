using QualityGates.Files;
using QualityGates.Inputs.Git;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Lays a <see cref="ChangeSet"/> over the merged coverage: each changed line is coverable when a kept
/// Cobertura file lists it, covered when any entry covered it. Cobertura paths are matched to repository
/// paths robustly (see docs/coverage.md, "New-code coverage"): a path under this clone's root by its
/// place in it; a path on this machine outside the clone (generated code, another checkout) never; any
/// other (another machine's absolute path, a Windows path, a name relative to a <c>&lt;source&gt;</c>) by
/// the longest run of trailing segments that is a whole changed repository path.
/// </summary>
internal static class NewCodeTally
{
    public static NewCodeCoverage Compute(ChangeSet changes, IEnumerable<(string Path, LineTally Tally)> files)
    {
        var root = SourcePath.Normalize(RealPath.Of(changes.RepositoryRoot) ?? changes.RepositoryRoot);
        var byPath = new Dictionary<string, List<LineTally>>(StringComparer.Ordinal);
        foreach (var (path, tally) in files)
        {
            if (RepositoryPath(path, root, changes.Files) is { } repositoryPath)
            {
                if (!byPath.TryGetValue(repositoryPath, out var tallies))
                {
                    byPath[repositoryPath] = tallies = [];
                }

                tallies.Add(tally);
            }
        }

        var result = new List<NewCodeFile>();
        foreach (var (path, tallies) in byPath)
        {
            long valid = 0, covered = 0;
            var uncovered = new List<int>();
            foreach (var line in changes.Files[path])
            {
                var coverable = false;
                var hit = false;
                foreach (var tally in tallies)
                {
                    var status = tally.Status(line);
                    coverable |= status.Valid;
                    hit |= status.Covered;
                }

                if (!coverable)
                {
                    continue;
                }

                valid++;
                if (hit)
                {
                    covered++;
                }
                else
                {
                    uncovered.Add(line);
                }
            }

            if (valid > 0)
            {
                result.Add(new NewCodeFile(path, covered, valid, LineRange.Group(uncovered)));
            }
        }

        result.Sort((a, b) => a.Uncovered.Count > 0 != b.Uncovered.Count > 0 ? (a.Uncovered.Count > 0 ? -1 : 1) : string.CompareOrdinal(a.Path, b.Path));
        return new NewCodeCoverage
        {
            BaseRef = changes.BaseRef,
            BaseRefSource = changes.BaseRefSource,
            MergeBase = changes.MergeBase,
            RepositoryRoot = changes.RepositoryRoot,
            ChangedFiles = changes.Files.Count,
            ChangedLines = changes.Files.Values.Sum(l => (long)l.Count),
            LinesCovered = result.Sum(f => f.LinesCovered),
            LinesValid = result.Sum(f => f.LinesValid),
            Files = result,
        };
    }

    /// <summary>The changed repository path <paramref name="path"/> (a normalised Cobertura path) names, or null.</summary>
    internal static string? RepositoryPath(string path, string root, IReadOnlyDictionary<string, IReadOnlyList<int>> changed)
    {
        if (SourcePath.IsRooted(path) && File.Exists(path))
        {
            // A file on this machine: inside the clone by its place, else not part of the change.
            var real = SourcePath.Normalize(RealPath.Of(path) ?? path);
            return real.StartsWith(root + "/", StringComparison.Ordinal) && changed.ContainsKey(real[(root.Length + 1)..])
                ? real[(root.Length + 1)..]
                : null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < segments.Length; start++)
        {
            var suffix = string.Join('/', segments, start, segments.Length - start);
            if (changed.ContainsKey(suffix))
            {
                return suffix;
            }
        }

        return null;
    }
}
