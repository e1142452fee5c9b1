using System.Globalization;

namespace QualityGates.Metrics;

/// <summary>
/// Coverage of the change: of the coverable lines the change added or modified since the merge base
/// with <see cref="BaseRef"/>, how many the tests covered (diff-cover's definition: covered changed
/// coverable lines / changed coverable lines). A changed line no Cobertura file lists (a comment, a
/// brace, a file no assembly compiles) is not coverable and counts on neither side.
/// </summary>
internal sealed record NewCodeCoverage
{
    /// <summary>The ref compared with (<c>origin/main</c>).</summary>
    public required string BaseRef { get; init; }

    /// <summary>Where the ref came from (<c>QualityGatesBaseRef</c>, <c>GITHUB_BASE_REF</c>, <c>the default branch</c>).</summary>
    public required string BaseRefSource { get; init; }

    /// <summary>The merge base's full commit id.</summary>
    public required string MergeBase { get; init; }

    /// <summary>True when HEAD is the merge base (HEAD is the base ref itself or behind it), so no commit is new.</summary>
    public bool HeadIsMergeBase { get; init; }

    /// <summary>The clone's top folder on this machine (full path), for annotations that need workspace-relative paths; never written to reports.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Files with at least one added or modified line (any file type).</summary>
    public int ChangedFiles { get; init; }

    /// <summary>Added or modified lines in all changed files, coverable or not.</summary>
    public long ChangedLines { get; init; }

    /// <summary>Changed lines that a test covered.</summary>
    public long LinesCovered { get; init; }

    /// <summary>Changed lines the coverage data lists as coverable.</summary>
    public long LinesValid { get; init; }

    /// <summary>Per changed file with coverable lines, by repository path; the ones with uncovered lines first.</summary>
    public IReadOnlyList<NewCodeFile> Files { get; init; } = [];

    /// <summary>
    /// Changed source files (repository paths, ordinal order) that no coverage report names, in a project
    /// that is no test project and whose assembly no report holds: code no test run measured. They count on
    /// neither side of <see cref="LineRate"/> (diff-cover's figure) and raise warning QG2022.
    /// </summary>
    public IReadOnlyList<string> UntestedFiles { get; init; } = [];

    /// <summary>
    /// The <see cref="UntestedFiles"/> whose new lines could not be read (git took them for binary or showed
    /// fewer lines than it counts, or the file is a FIFO, a device, a dangling link or too large): untested
    /// because nothing can tell which of their lines a report covers.
    /// </summary>
    public IReadOnlyList<string> UnreadableFiles { get; init; } = [];

    /// <summary>Added or modified lines in <see cref="UntestedFiles"/> (as many as git counts for an unreadable file; 0 when it counts none).</summary>
    public long UntestedLines { get; init; }

    /// <summary>Covered / coverable changed lines (0–1), or null when the change has no coverable line.</summary>
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;

    /// <summary>The merge base's abbreviated id, as messages show it.</summary>
    public string ShortMergeBase => MergeBase.Length > 10 ? MergeBase[..10] : MergeBase;

    /// <summary>
    /// The uncovered changed lines as "path 12-15, 40; path2 3", at most <paramref name="maxRanges"/>
    /// ranges in all, then "… and N more lines", so a huge change cannot flood a message.
    /// </summary>
    public string DescribeUncovered(int maxRanges)
    {
        var parts = new List<string>();
        var shown = 0;
        long omitted = 0;
        foreach (var file in Files.Where(f => f.Uncovered.Count > 0))
        {
            var ranges = file.Uncovered.Take(Math.Max(0, maxRanges - shown)).ToList();
            shown += ranges.Count;
            omitted += file.Uncovered.Skip(ranges.Count).Sum(r => (long)r.Length);
            if (ranges.Count > 0)
            {
                parts.Add(file.Path + " " + string.Join(", ", ranges));
            }
        }

        var text = string.Join("; ", parts);
        return omitted == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $" … and {omitted} more lines");
    }
}

/// <summary>One changed file's coverable new lines: its repository path ('/' separators), counts, and the uncovered ones as ranges.</summary>
internal sealed record NewCodeFile(string Path, long LinesCovered, long LinesValid, IReadOnlyList<LineRange> Uncovered);

/// <summary>A run of consecutive line numbers (1-based, inclusive), written "12-15" or "12".</summary>
internal readonly record struct LineRange(int Start, int End)
{
    public int Length => End - Start + 1;

    public override string ToString() => Start == End
        ? Start.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Start}-{End}");

    /// <summary>Groups ascending line numbers into ranges of consecutive lines.</summary>
    public static IReadOnlyList<LineRange> Group(IEnumerable<int> ascending)
    {
        var ranges = new List<LineRange>();
        foreach (var line in ascending)
        {
            if (ranges.Count > 0 && ranges[^1].End == line - 1)
            {
                ranges[^1] = ranges[^1] with { End = line };
            }
            else if (ranges.Count == 0 || ranges[^1].End < line)
            {
                ranges.Add(new LineRange(line, line));
            }
        }

        return ranges;
    }
}
