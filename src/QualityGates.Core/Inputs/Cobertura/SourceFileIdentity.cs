namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Decides when two normalised source paths from different reports name one source file although their
/// roots differ: a Windows and a Linux agent (<c>D:/a/repo/src/App/Cart.cs</c> and
/// <c>/home/runner/work/repo/src/App/Cart.cs</c>), two checkout folders, or a relative name resolved
/// against another <c>&lt;source&gt;</c> than the producer meant. Within one package (one assembly), the
/// two are one file when they share the longest common run of trailing path segments, at least the
/// folder and the file name, and each is the other's only such best match. A report never merges two of
/// its own files, and an exact path always wins. See docs/coverage.md.
/// </summary>
internal static class SourceFileIdentity
{
    private const int MinimumCommonSegments = 2;

    /// <summary>
    /// The path among <paramref name="candidates"/> (already merged, not named by the incoming report) that
    /// is the same file as <paramref name="path"/>, or null. <paramref name="peers"/> are the incoming
    /// report's unmatched paths of the same package, so the match must be mutual.
    /// </summary>
    public static string? Match(string path, IReadOnlyList<string> candidates, IReadOnlyList<string> peers)
    {
        var best = BestOf(path, candidates);
        return best is not null && BestOf(best, peers) == path ? best : null;
    }

    private static string? BestOf(string path, IReadOnlyList<string> others)
    {
        string? best = null;
        var bestLength = MinimumCommonSegments - 1;
        var tie = false;
        foreach (var other in others)
        {
            var length = CommonTrailingSegments(path, other);
            if (length > bestLength)
            {
                (best, bestLength, tie) = (other, length, false);
            }
            else if (length == bestLength && best is not null)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>How many whole trailing segments two <c>/</c>-separated paths share.</summary>
    internal static int CommonTrailingSegments(string a, string b)
    {
        var count = 0;
        int i = a.Length, j = b.Length;
        while (i > 0 && j > 0)
        {
            var segmentA = a.LastIndexOf('/', i - 1);
            var segmentB = b.LastIndexOf('/', j - 1);
            if (!a.AsSpan(segmentA + 1, i - segmentA - 1).SequenceEqual(b.AsSpan(segmentB + 1, j - segmentB - 1)))
            {
                break;
            }

            count++;
            (i, j) = (segmentA, segmentB);
            if (i < 0 || j < 0)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>The file name of a normalised path, used to compare only paths that could match.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
