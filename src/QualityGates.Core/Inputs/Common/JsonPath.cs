using System.Globalization;
using System.Text;

namespace QualityGates.Inputs.Common;

/// <summary>
/// Builds and splits the JSON paths that name a field in error messages, e.g.
/// <c>$.matches[3].vulnerability.severity</c>. Names that are not plain identifiers use the
/// bracket form (<c>$.properties['security-severity']</c>) so a dot inside a name stays unambiguous.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlainIdentifier(name)
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Element(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Splits a path built by this class into its steps (the leading <c>$</c> is dropped).</summary>
    public static IReadOnlyList<JsonPathSegment> Parse(string path)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            throw new FormatException($"JSON path '{path}' does not start with '$'.");
        }

        var segments = new List<JsonPathSegment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                segments.Add(JsonPathSegment.Property(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                i = ParseQuotedName(path, i + 2, segments);
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException($"JSON path '{path}' has an unclosed '['.");
                }

                segments.Add(JsonPathSegment.Element(int.Parse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture)));
                i = close + 1;
            }
            else
            {
                throw new FormatException($"JSON path '{path}' is not valid at position {i}.");
            }
        }

        return segments;
    }

    private static int ParseQuotedName(string path, int start, List<JsonPathSegment> segments)
    {
        var name = new StringBuilder();
        for (var i = start; i < path.Length; i++)
        {
            if (path[i] == '\\' && i + 1 < path.Length)
            {
                name.Append(path[++i]);
            }
            else if (path[i] == '\'')
            {
                if (i + 1 >= path.Length || path[i + 1] != ']')
                {
                    break;
                }

                segments.Add(JsonPathSegment.Property(name.ToString()));
                return i + 2;
            }
            else
            {
                name.Append(path[i]);
            }
        }

        throw new FormatException($"JSON path '{path}' has an unclosed ['name'].");
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
