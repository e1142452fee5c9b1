using System.Globalization;
using System.Text;

namespace QualityGates.Inputs.Git;

/// <summary>
/// Reads the new-side line numbers out of <c>git diff --unified=0</c> output. Hunk headers are
/// <c>@@ -a[,b] +c[,d] @@</c> (git's unified format: a missing count is 1, a count of 0 means no line on
/// that side); the header's <c>+++ b/path</c> names the file after renames, <c>+++ /dev/null</c> a deleted
/// file. Content lines are skipped by the hunk's own counts, so a removed line that reads "-- x" or an
/// added one that reads "++ x" is never taken for a header.
/// </summary>
internal static class GitDiffParser
{
    public static Dictionary<string, List<int>> Parse(string diff)
    {
        var files = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        List<int>? current = null;
        int oldLeft = 0, newLeft = 0;
        foreach (var line in diff.Split('\n'))
        {
            if (oldLeft > 0 || newLeft > 0)
            {
                if (line.StartsWith('-'))
                {
                    oldLeft--;
                }
                else if (line.StartsWith('+'))
                {
                    newLeft--;
                }

                continue;
            }

            if (line.StartsWith("diff ", StringComparison.Ordinal))
            {
                current = null;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..].TrimEnd('\r');
                current = path == "/dev/null" ? null : Lines(files, StripPrefix(Unquote(path)));
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal) && TryHunk(line, out var oldCount, out var newStart, out var newCount))
            {
                for (var n = 0; n < newCount; n++)
                {
                    current?.Add(newStart + n);
                }

                (oldLeft, newLeft) = (oldCount, newCount);
            }
        }

        foreach (var lines in files.Values)
        {
            lines.Sort();
        }

        return files;
    }

    private static List<int> Lines(Dictionary<string, List<int>> files, string path)
    {
        if (!files.TryGetValue(path, out var lines))
        {
            lines = [];
            files.Add(path, lines);
        }

        return lines;
    }

    private static string StripPrefix(string path) => path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>Parses <c>@@ -a[,b] +c[,d] @@</c>.</summary>
    internal static bool TryHunk(string header, out int oldCount, out int newStart, out int newCount)
    {
        oldCount = newStart = newCount = 0;
        var parts = header.Split(' ');
        return parts.Length >= 3 && parts[1].StartsWith('-') && parts[2].StartsWith('+')
            && TryRange(parts[1][1..], out _, out oldCount) && TryRange(parts[2][1..], out newStart, out newCount);
    }

    private static bool TryRange(string text, out int start, out int count)
    {
        var comma = text.IndexOf(',');
        count = 1;
        return int.TryParse(comma < 0 ? text : text[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && (comma < 0 || int.TryParse(text[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count));
    }

    /// <summary>
    /// Undoes git's C-style quoting of a path with a '"', '\' or control character (core.quotepath=off
    /// leaves other non-ASCII bytes alone): <c>"b/a\"b\303\251.cs"</c> → <c>b/a"bé.cs</c>.
    /// </summary>
    internal static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>(path.Length);
        for (var i = 1; i < path.Length - 1; i++)
        {
            var c = path[i];
            if (c != '\\' || i + 1 >= path.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = path[++i];
            if (next is >= '0' and <= '7' && i + 2 < path.Length - 1)
            {
                bytes.Add((byte)Convert.ToInt32(path.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add((byte)(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'a' => '\a', 'b' => '\b', 'f' => '\f', 'v' => '\v', _ => next }));
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
