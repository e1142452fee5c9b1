using System.Text;
using System.Xml;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Reads the text of an element without ever holding more than a fixed number of characters, so a
/// failure message of many megabytes costs no more memory than a short one.
/// </summary>
internal static class BoundedXmlText
{
    /// <summary>The marker appended to text that was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// Reads the content of the element <paramref name="reader"/> is on, keeping at most
    /// <paramref name="maxChars"/> characters (then <see cref="Ellipsis"/>), and leaves the reader on its end tag.
    /// </summary>
    public static string ReadElement(XmlReader reader, int maxChars)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        var cut = false;
        var buffer = reader.CanReadValueChunk ? new char[Math.Min(4096, maxChars + 1)] : null;

        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                continue;
            }

            cut |= buffer is null ? AppendValue(reader.Value, text, maxChars) : AppendChunks(reader, buffer, text, maxChars);
        }

        return cut ? text.Append('…').ToString() : text.ToString();
    }

    /// <summary>Truncates an attribute value (already in memory) the same way.</summary>
    public static string Truncate(string value, int maxChars) =>
        value.Length <= maxChars ? value : string.Concat(value.AsSpan(0, maxChars), Ellipsis);

    private static bool AppendChunks(XmlReader reader, char[] buffer, StringBuilder text, int maxChars)
    {
        var cut = false;
        int read;
        while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            // Keep reading past the limit (into the same buffer) only to reach the end of the node.
            var room = maxChars - text.Length;
            if (read > room)
            {
                cut = true;
            }

            text.Append(buffer, 0, Math.Min(read, Math.Max(room, 0)));
        }

        return cut;
    }

    private static bool AppendValue(string value, StringBuilder text, int maxChars)
    {
        var room = maxChars - text.Length;
        text.Append(value, 0, Math.Min(value.Length, Math.Max(room, 0)));
        return value.Length > room;
    }
}
