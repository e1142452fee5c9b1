using System.Text;
using System.Text.RegularExpressions;
using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.Inputs;

/// <summary>
/// Expands file arguments that may be globs (<c>*</c>, <c>?</c>, <c>**</c> for any folders) into
/// existing files, relative to a base folder. A plain path is passed through untouched, so the
/// reader reports a missing file by name; a glob that matches nothing is an error of its own.
/// </summary>
internal static class FilePatterns
{
    /// <summary>How many folders one pattern may walk: a link to <c>/</c> must not run for minutes.</summary>
    public const int MaxFolders = 100_000;

    /// <summary>How deep below its root one pattern may walk.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The files named by <paramref name="patterns"/>, each counted once by identity (its real path,
    /// with every symbolic link resolved), in a stable order. Globs follow symbolic links to folders,
    /// but a folder already walked (a link loop such as <c>cache/again -&gt; .</c>) is not walked
    /// again, and the walk is bounded (<see cref="MaxFolders"/>, <see cref="MaxDepth"/>; QG1016).
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, string baseDirectory)
    {
        var files = new List<string>();
        var identities = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var raw in patterns)
        {
            var pattern = raw.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            var full = Path.GetFullPath(pattern, baseDirectory);
            if (!IsGlob(pattern))
            {
                if (identities.Add(RealPath.Of(full) ?? full))
                {
                    files.Add(full);
                }

                continue;
            }

            var matches = Match(full, pattern);
            if (matches.Count == 0)
            {
                throw new QualityGatesException(ErrorCodes.PatternMatchedNoFile, $"The pattern '{pattern}' matched no file under '{baseDirectory}'.");
            }

            files.AddRange(matches.Where(m => identities.Add(m.Identity)).Select(m => m.Path));
        }

        return files;
    }

    private static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    private static List<(string Path, string Identity)> Match(string fullPattern, string pattern)
    {
        var normalized = fullPattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(['*', '?']);
        var rootEnd = normalized.LastIndexOf('/', firstWildcard);
        var root = rootEnd <= 0 ? "/" : normalized[..rootEnd];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = ToRegex(normalized);
        var recursive = normalized.Contains("**", StringComparison.Ordinal)
            || normalized[(rootEnd + 1)..].Contains('/');
        var matches = new List<(string Path, string Identity)>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Folder, string Real, int Depth)>();
        pending.Push((root, RealPath.Of(root) ?? root, 0));
        walked.Add(pending.Peek().Real);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
        while (pending.Count > 0)
        {
            var (folder, real, depth) = pending.Pop();
            var subfolders = new List<(string Folder, string Real, int Depth)>();
            // In name order, and subfolders walked in name order: of two names for one folder, the first is kept.
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", options).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var kind = FileKinds.Of(entry);
                var isLink = kind == FileKind.Link;
                var entryReal = isLink ? RealPath.Of(entry) : Path.Join(real, name);
                if (entryReal is null)
                {
                    continue; // a dangling link or a link loop: nothing to read there
                }

                if (isLink ? Directory.Exists(entry) : kind == FileKind.Directory)
                {
                    if (recursive && walked.Add(entryReal))
                    {
                        if (depth + 1 > MaxDepth || walked.Count > MaxFolders)
                        {
                            throw new QualityGatesException(ErrorCodes.PatternWalkTooLarge,
                                $"The pattern '{pattern}' walks more than {MaxFolders} folders or {MaxDepth} levels below '{root}' (at '{entry}'); narrow it.");
                        }

                        subfolders.Add((entry, entryReal, depth + 1));
                    }
                }
                else if (regex.IsMatch(entry.Replace('\\', '/')))
                {
                    matches.Add((entry, entryReal));
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }

        matches.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return matches;
    }

    /// <summary>A glob (<c>*</c>, <c>?</c>, <c>**</c>) as an anchored regex over '/'-separated paths.</summary>
    internal static Regex ToRegex(string pattern, bool ignoreCase = false)
    {
        var text = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches anything.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                text.Append("[^/]*");
            }
            else if (c == '?')
            {
                text.Append("[^/]");
            }
            else
            {
                text.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }
}
