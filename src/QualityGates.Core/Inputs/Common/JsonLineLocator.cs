using System.Text.Json;

namespace QualityGates.Inputs.Common;

/// <summary>
/// Finds the line of a JSON path. <see cref="JsonDocument"/> keeps no positions, so readers call this
/// only when they report an error: it reads the file again from the start with a refilled buffer,
/// skipping every value off the path.
/// </summary>
internal static class JsonLineLocator
{
    /// <summary>
    /// The 1-based line where the value at <paramref name="jsonPath"/> starts. When the path does not
    /// exist all the way down, the line of the deepest value that does exist (so a missing field is
    /// reported at its parent object); 0 when the bytes are not valid JSON.
    /// </summary>
    public static int FindLine(ReadOnlyMemory<byte> utf8Json, string jsonPath) => FindLine(JsonFileReader.Over(utf8Json), jsonPath);

    internal static int FindLine(JsonFileReader reader, string jsonPath)
    {
        var segments = JsonPath.Parse(jsonPath);
        try
        {
            if (!reader.Read())
            {
                return 0;
            }

            var line = reader.TokenLine;
            foreach (var segment in segments)
            {
                var entered = segment.IsProperty ? TryEnterProperty(reader, segment.Name!) : TryEnterElement(reader, segment.Index);
                if (!entered)
                {
                    break;
                }

                line = reader.TokenLine;
            }

            return line;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Where each element of the array at <paramref name="arrayPath"/> starts (byte offset from the start of
    /// the source, 1-based line), in one pass; empty when the path names no array.
    /// </summary>
    internal static IReadOnlyList<(long Offset, int Line)> ItemStarts(JsonFileReader reader, string arrayPath)
    {
        var items = new List<(long, int)>();
        try
        {
            if (!reader.Read() || JsonPath.Parse(arrayPath).Any(segment => !(segment.IsProperty ? TryEnterProperty(reader, segment.Name!) : TryEnterElement(reader, segment.Index)))
                || reader.TokenType != JsonTokenType.StartArray)
            {
                return items;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add((reader.TokenStart, reader.TokenLine));
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Checked when opened; a file changed since then keeps the items found so far.
        }

        return items;
    }

    // Duplicate keys are refused before any value is read, so the first match is the only one.
    private static bool TryEnterProperty(JsonFileReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMatch = reader.ReaderAtToken().ValueTextEquals(name);
            reader.Read();
            if (isMatch)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool TryEnterElement(JsonFileReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
