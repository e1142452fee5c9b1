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
/// A changed source file no report names is untested (<see cref="Untested"/>) when the project that owns
/// it is neither a test project nor an assembly any report holds.
/// </summary>
internal static class NewCodeTally
{
    /// <param name="changes">The change.</param>
    /// <param name="files">The merged source files the coverage filter keeps.</param>
    /// <param name="assemblies">Every assembly (Cobertura package) the reports hold, kept or not.</param>
    /// <param name="filter">The coverage filter: a file or assembly it leaves out is never untested.</param>
    public static NewCodeCoverage Compute(ChangeSet changes, IEnumerable<(string Path, LineTally Tally)> files, IEnumerable<string> assemblies, CoverageFilter filter)
    {
        var root = SourcePath.Normalize(RealPath.Of(changes.RepositoryRoot) ?? changes.RepositoryRoot);
        var byPath = new Dictionary<string, List<LineTally>>(StringComparer.Ordinal);
        var changed = ChangedByReportPath(changes.Files.Keys);
        foreach (var (path, tally) in files)
        {
            if (RepositoryPath(path, root, changed) is { } repositoryPath)
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

        var (untested, unreadable) = Untested(changes, byPath.Keys.ToHashSet(StringComparer.Ordinal), assemblies, filter);
        var lines = changes.Files.ToDictionary(f => f.Key, f => (long)f.Value.Count, StringComparer.Ordinal);
        foreach (var file in changes.Unreadable)
        {
            lines[file.Path] = file.Lines;
        }

        result.Sort((a, b) => a.Uncovered.Count > 0 != b.Uncovered.Count > 0 ? (a.Uncovered.Count > 0 ? -1 : 1) : string.CompareOrdinal(a.Path, b.Path));
        return new NewCodeCoverage
        {
            BaseRef = changes.BaseRef,
            BaseRefSource = changes.BaseRefSource,
            MergeBase = changes.MergeBase,
            HeadIsMergeBase = changes.HeadIsMergeBase,
            RepositoryRoot = changes.RepositoryRoot,
            ChangedFiles = changes.Files.Count + changes.Unreadable.Count,
            ChangedLines = lines.Values.Sum(),
            LinesCovered = result.Sum(f => f.LinesCovered),
            LinesValid = result.Sum(f => f.LinesValid),
            Files = result,
            UntestedFiles = untested,
            UntestedLines = untested.Sum(path => lines[path]),
            UnreadableFiles = unreadable,
        };
    }

    /// <summary>
    /// The changed source files (<see cref="ChangeSet.IsSourceFile"/>) that no report names, whose owning
    /// project is not a test project, compiles an assembly no report holds, and is kept by the filter:
    /// code no test run measured, such as a new project no test project references. A file of a reported
    /// assembly that its report leaves out has no coverable line (an interface) or was excluded on purpose
    /// (<c>[ExcludeFromCodeCoverage]</c>, coverlet's <c>ExcludeByFile</c>), so it is not untested.
    /// A changed source file whose new lines could not be read (<see cref="ChangeSet.Unreadable"/>) is
    /// untested wherever it lies outside a test project and the filter keeps it: which of its lines a
    /// report covers cannot be told, so it must not pass as no change. Both lists in ordinal order.
    /// </summary>
    private static (IReadOnlyList<string> Untested, IReadOnlyList<string> Unreadable) Untested(ChangeSet changes, HashSet<string> named, IEnumerable<string> assemblies, CoverageFilter filter)
    {
        var reported = assemblies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matcher = filter.Compile();
        var projects = new OwningProjects(changes.RepositoryRoot);
        var unreadable = changes.Unreadable.Select(u => u.Path)
            .Where(path => matcher.KeepsFile(path) && projects.Of(path) is not { IsTest: true } && (projects.Of(path) is not { } project || matcher.KeepsAssembly(project.AssemblyName)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var untested = changes.Files.Keys
            .Where(path => ChangeSet.IsSourceFile(path) && !named.Contains(path) && matcher.KeepsFile(path))
            .Where(path => projects.Of(path) is { IsTest: false } project && !reported.Contains(project.AssemblyName) && matcher.KeepsAssembly(project.AssemblyName))
            .Concat(unreadable)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (untested, unreadable);
    }

    /// <summary>
    /// Each changed repository path under the name a normalised Cobertura path would give it: a report
    /// turns every backslash into a separator (Windows producers write them), so a Linux file named
    /// <c>a\b.cs</c> is <c>a/b.cs</c> in it. (Two changed files that differ only so are told apart by neither.)
    /// </summary>
    private static Dictionary<string, string> ChangedByReportPath(IEnumerable<string> paths)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            byKey.TryAdd(SourcePath.Normalize(path), path);
        }

        return byKey;
    }

    /// <summary>The changed repository path <paramref name="path"/> (a normalised Cobertura path) names, or null.</summary>
    internal static string? RepositoryPath(string path, string root, IReadOnlyDictionary<string, string> changed)
    {
        if (SourcePath.IsRooted(path) && File.Exists(path))
        {
            // A file on this machine: inside the clone by its place, else not part of the change.
            var real = SourcePath.Normalize(RealPath.Of(path) ?? path);
            return real.StartsWith(root + "/", StringComparison.Ordinal) ? changed.GetValueOrDefault(real[(root.Length + 1)..]) : null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < segments.Length; start++)
        {
            if (changed.GetValueOrDefault(string.Join('/', segments, start, segments.Length - start)) is { } repositoryPath)
            {
                return repositoryPath;
            }
        }

        return null;
    }
}
