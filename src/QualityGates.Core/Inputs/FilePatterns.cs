using System.Text;
using System.Text.RegularExpressions;
using QualityGates.Errors;

namespace QualityGates.Inputs;

/// <summary>
/// Expands file arguments that may be globs (<c>*</c>, <c>?</c>, <c>**</c> for any folders) into
/// existing files, relative to a base folder. A plain path is passed through untouched, so the
/// reader reports a missing file by name; a glob that matches nothing is an error of its own.
/// </summary>
public static class FilePatterns
{
    /// <summary>The files named by <paramref name="patterns"/>, de-duplicated, in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, string baseDirectory)
    {
        var files = new List<string>();
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
                files.Add(full);
                continue;
            }

            var matches = Match(full);
            if (matches.Count == 0)
            {
                throw new QualityGatesException(ErrorCodes.PatternMatchedNoFile, $"The pattern '{pattern}' matched no file under '{baseDirectory}'.");
            }

            files.AddRange(matches);
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    private static List<string> Match(string fullPattern)
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
        var recursive = normalized.IndexOf("**", StringComparison.Ordinal) >= 0
            || normalized[(rootEnd + 1)..].Contains('/');
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(f => regex.IsMatch(f.Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
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
