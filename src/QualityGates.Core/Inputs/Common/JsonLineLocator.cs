using System.Text.Json;

namespace QualityGates.Inputs.Common;

/// <summary>
/// Finds the line of a JSON path in a file's bytes. <see cref="JsonDocument"/> keeps no positions, so
/// readers call this only when they report an error: it re-reads the bytes with
/// <see cref="Utf8JsonReader"/>, skipping every value off the path.
/// </summary>
public static class JsonLineLocator
{
    // The same leniency as JsonInput.Parse, so every file that parsed can be walked again.
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The 1-based line where the value at <paramref name="jsonPath"/> starts. When the path does not
    /// exist all the way down, the line of the deepest value that does exist (so a missing field is
    /// reported at its parent object); 0 when the bytes are not valid JSON.
    /// </summary>
    public static int FindLine(ReadOnlySpan<byte> utf8Json, string jsonPath)
    {
        var segments = JsonPath.Parse(jsonPath);
        var json = utf8Json.StartsWith(Utf8Bom) ? utf8Json[Utf8Bom.Length..] : utf8Json;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return 0;
            }

            foreach (var segment in segments)
            {
                var entered = segment.IsProperty ? TryEnterProperty(ref reader, segment.Name!) : TryEnterElement(ref reader, segment.Index);
                if (!entered)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            return 0;
        }

        return LineAt(json, reader.TokenStartIndex);
    }

    private static bool TryEnterProperty(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // JsonElement.GetProperty takes the last of repeated names; point at the same one.
        var probe = reader;
        var found = default(Utf8JsonReader);
        var hasFound = false;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            var isMatch = probe.ValueTextEquals(name);
            probe.Read();
            if (isMatch)
            {
                found = probe;
                hasFound = true;
            }

            probe.Skip();
        }

        if (hasFound)
        {
            reader = found;
        }

        return hasFound;
    }

    private static bool TryEnterElement(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var probe = reader;
        for (var i = 0; probe.Read() && probe.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                reader = probe;
                return true;
            }

            probe.Skip();
        }

        return false;
    }

    private static int LineAt(ReadOnlySpan<byte> json, long byteOffset) =>
        json[..(int)Math.Min(byteOffset, json.Length)].Count((byte)'\n') + 1;
}
