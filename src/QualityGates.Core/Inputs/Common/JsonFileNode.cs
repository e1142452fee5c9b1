using System.Text.Json;

namespace QualityGates.Inputs.Common;

/// <summary>
/// An object or array of a <see cref="JsonInputFile"/> too large to hold whole (more than
/// <see cref="JsonReadLimits.HoldLimit"/> bytes): only where it starts is kept, and it is read again from
/// the file when asked. An object keeps where each of its values starts, once asked for one; an array
/// is read element by element, each held (or left in the file) on its own. So memory follows the
/// largest finding, not the file, so memory stays bounded on scans of any size.
/// </summary>
internal sealed class JsonFileNode
{
    private readonly JsonInputFile file;
    private readonly long offset;
    private Dictionary<string, (long Offset, bool IsNull)>? properties;

    public JsonFileNode(JsonInputFile file, long offset, JsonValueKind kind)
    {
        this.file = file;
        this.offset = offset;
        Kind = kind;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The names of this object's properties, in file order.</summary>
    public IEnumerable<string> PropertyNames => Properties.Keys;

    /// <summary>True when this object has <paramref name="name"/>, even as <c>null</c>; <paramref name="isNull"/> says which.</summary>
    public bool Contains(string name, out bool isNull)
    {
        var found = Properties.TryGetValue(name, out var property);
        isNull = property.IsNull;
        return found;
    }

    /// <summary>Takes where this object's values start from a pass that has already read them (the check of the whole file).</summary>
    public void KnowProperties(Dictionary<string, (long Offset, bool IsNull)> index) => properties ??= index;

    /// <summary>The value of <paramref name="name"/> (held, or left in the file when large), or null when absent or <c>null</c>.</summary>
    public JsonCursor? Property(string name, string path)
    {
        if (!Properties.TryGetValue(name, out var property) || property.IsNull)
        {
            return null;
        }

        return file.Read(property.Offset, reader =>
        {
            reader.Read();
            return file.ValueAt(reader, path, out _);
        });
    }

    /// <summary>This array's elements, read one at a time as the caller walks them.</summary>
    public IEnumerable<JsonCursor> Items(string path)
    {
        var reader = file.Read(offset, reader =>
        {
            reader.Read();
            return reader;
        });
        for (var index = 0; Next(reader, JsonPath.Element(path, index)) is { } item; index++)
        {
            yield return item;
        }
    }

    private JsonCursor? Next(JsonFileReader reader, string path) => file.Read(reader, reader =>
    {
        if (!reader.Read() || (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0))
        {
            return (JsonCursor?)null;
        }

        var item = file.ValueAt(reader, path, out var leftInFile);
        if (leftInFile && item.Node!.Kind == JsonValueKind.Object)
        {
            // The walk past it reads its keys anyway: keep them, saving the node a pass of its own.
            item.Node.KnowProperties(IndexProperties(reader));
        }
        else if (leftInFile)
        {
            reader.Skip();
        }

        return item;
    });

    private Dictionary<string, (long Offset, bool IsNull)> Properties => properties ??= file.Read(offset, reader =>
    {
        reader.Read();
        return IndexProperties(reader);
    });

    // From the object's first token to its last: where each value starts.
    private static Dictionary<string, (long Offset, bool IsNull)> IndexProperties(JsonFileReader reader)
    {
        var index = new Dictionary<string, (long, bool)>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ReaderAtToken().GetString()!;
            reader.Read();
            index[name] = (reader.TokenStart, reader.TokenType == JsonTokenType.Null);
            reader.Skip();
        }

        return index;
    }
}
