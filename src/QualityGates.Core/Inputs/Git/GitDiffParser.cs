using System.Globalization;
using System.Text;

namespace QualityGates.Inputs.Git;

/// <summary>
/// Reads the new-side line numbers out of <c>git diff --unified=0</c> output. Hunk headers are
/// <c>@@ -a[,b] +c[,d] @@</c> (git's unified format: a missing count is 1, a count of 0 means no line on
/// that side); the header's <c>+++ b/path</c> names the file after renames, <c>+++ /dev/null</c> a deleted
/// file. git ends a <c>---</c>/<c>+++</c> line with a TAB when the name holds a space, and quotes a name
/// with a <c>"</c>, <c>\</c> or control character C-style. A hunk's lines are walked by its own counts:
/// a <c>+</c> line is new, a context line (there is none at <c>--unified=0</c>, but a configured
/// <c>diff.interHunkContext</c> or a caller's option can add some) moves on without being new, and
/// <c>\ No newline at end of file</c> is no line; so a removed line that reads "-- x" or an added one that
/// reads "++ x" is never taken for a header.
/// </summary>
internal static class GitDiffParser
{
    /// <summary>
    /// Each file whose content git showed (a <c>+++</c> header, or a move without change) → its added lines;
    /// a file git showed as binary, or not at all, is not there.
    /// </summary>
    public static Dictionary<string, List<int>> Parse(string diff)
    {
        var files = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        List<int>? current = null;
        var pureMove = false;
        int oldLeft = 0, newLeft = 0, newLine = 0;
        foreach (var line in diff.Split('\n'))
        {
            if (oldLeft > 0 || newLeft > 0)
            {
                var kind = line.Length == 0 ? ' ' : line[0];
                if (kind is '+' or '-' or ' ' or '\\')
                {
                    if (kind == '+')
                    {
                        current?.Add(newLine++);
                        newLeft--;
                    }
                    else if (kind == '-')
                    {
                        oldLeft--;
                    }
                    else if (kind == ' ')
                    {
                        (newLine, newLeft, oldLeft) = (newLine + 1, newLeft - 1, oldLeft - 1);
                    }

                    continue;
                }

                // Not hunk content: the hunk was shorter than its header said. What was read stands;
                // the caller's count check catches a file whose lines came out short.
                (oldLeft, newLeft) = (0, 0);
            }

            if (line.StartsWith("diff ", StringComparison.Ordinal))
            {
                (current, pureMove) = (null, false);
            }
            else if (line == "similarity index 100%")
            {
                pureMove = true;
            }
            else if (pureMove && (line.StartsWith("rename to ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal)))
            {
                // Moved or copied unchanged: git shows no content, and no line is new.
                Lines(files, Unquote(line[(line.IndexOf(" to ", StringComparison.Ordinal) + 4)..]));
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = HeaderPath(line[4..]);
                current = path is null ? null : Lines(files, path);
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal) && TryHunk(line, out var oldCount, out var newStart, out var newCount))
            {
                (oldLeft, newLeft, newLine) = (oldCount, newCount, newStart);
            }
        }

        foreach (var lines in files.Values)
        {
            lines.Sort();
        }

        return files;
    }

    /// <summary>
    /// The repository path of a <c>+++</c> line's name: its TAB end (after a name with a space) taken off,
    /// unquoted, without the <c>b/</c> prefix; null for <c>/dev/null</c> (a deleted file).
    /// </summary>
    internal static string? HeaderPath(string name)
    {
        if (name.EndsWith('\t'))
        {
            name = name[..^1];
        }

        if (name == "/dev/null")
        {
            return null;
        }

        name = Unquote(name);
        return name.StartsWith("b/", StringComparison.Ordinal) ? name[2..] : name;
    }

    /// <summary>
    /// What <c>git diff --numstat -z</c> says of each file: its new-side path and the number of added
    /// lines, or null where git counts none because it takes the file for binary (<c>-</c>). A rename
    /// or copy is <c>added TAB deleted TAB NUL old NUL new NUL</c>; any other entry <c>added TAB deleted TAB path NUL</c>.
    /// </summary>
    public static IReadOnlyList<(string Path, long? Added)> ParseNumstat(string numstat)
    {
        var entries = new List<(string, long?)>();
        var fields = numstat.Split('\0');
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var tab = field.IndexOf('\t');
            var second = tab < 0 ? -1 : field.IndexOf('\t', tab + 1);
            if (second < 0)
            {
                continue;
            }

            long? added = long.TryParse(field.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
            var path = field[(second + 1)..];
            if (path.Length == 0)
            {
                // A rename or copy: the old name, then the new one.
                if (i + 2 >= fields.Length)
                {
                    break;
                }

                path = fields[i + 2];
                i += 2;
            }

            entries.Add((path, added));
        }

        return entries;
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
    /// Undoes git's C-style quoting of a path with a '"', '\' or control character (core.quotePath=false
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
            if (next is >= '0' and <= '3' && i + 2 < path.Length - 1 && path[i + 1] is >= '0' and <= '7' && path[i + 2] is >= '0' and <= '7')
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
