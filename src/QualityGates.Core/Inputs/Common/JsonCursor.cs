using System.Globalization;
using System.Text.Json;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A value in a <see cref="JsonInputFile"/> together with its JSON path, so that every typed read
/// can fail with a coded error naming the file, the line and the field. A JSON <c>null</c> counts as
/// absent for optional fields: scanners written in Go emit <c>null</c> for empty lists. The value is held
/// in memory, or, for an object or array too large to hold, read from the file as it is walked.
/// </summary>
internal readonly struct JsonCursor
{
    private readonly JsonElement element;
    private readonly JsonFileNode? node;

    public JsonCursor(JsonInputFile file, JsonElement element, string path)
    {
        File = file;
        this.element = element;
        Path = path;
    }

    internal JsonCursor(JsonInputFile file, JsonFileNode node, string path)
    {
        File = file;
        this.node = node;
        Path = path;
    }

    public JsonInputFile File { get; }

    /// <summary>The object or array left in the file that this cursor reads, or null when the value is held.</summary>
    internal JsonFileNode? Node => node;

    /// <summary>The value itself; not for an object or array left in the file (<see cref="InvalidOperationException"/>): walk those with the cursor.</summary>
    public JsonElement Element => node is null ? element : throw new InvalidOperationException($"{Path} is too large to hold; it is read through the cursor.");

    /// <summary>Where this value is, e.g. <c>$.Results[0].Vulnerabilities[2].Severity</c>.</summary>
    public string Path { get; }

    public JsonValueKind Kind => node?.Kind ?? element.ValueKind;

    /// <summary>True when this is an object that has <paramref name="name"/> with a non-null value.</summary>
    public bool Has(string name) => Kind == JsonValueKind.Object && Contains(name, out var isNull) && !isNull;

    /// <summary>True when this is an object that has <paramref name="name"/>, even as <c>null</c>.</summary>
    public bool Contains(string name) => Kind == JsonValueKind.Object && Contains(name, out _);

    /// <summary>The property names of this object, in file order; none when it is not an object.</summary>
    public IEnumerable<string> PropertyNames => Kind != JsonValueKind.Object
        ? []
        : node?.PropertyNames ?? element.EnumerateObject().Select(property => property.Name);

    /// <summary>The property <paramref name="name"/> of this object, or null when absent or <c>null</c>.</summary>
    public JsonCursor? Optional(string name)
    {
        ExpectObject();
        if (node is not null)
        {
            return node.Property(name, JsonPath.Property(Path, name));
        }

        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(File, value, JsonPath.Property(Path, name))
            : null;
    }

    /// <summary>
    /// This value on its own: a held value copied out of the (maybe larger) value it was read with, so a
    /// reader can keep it (a SARIF rule's severity) without keeping the rest.
    /// </summary>
    public JsonCursor Detached() => node is null ? new JsonCursor(File, element.Clone(), Path) : this;

    /// <summary>The property <paramref name="name"/> of this object; <see cref="ErrorCodes.MissingJsonField"/> when absent or <c>null</c>.</summary>
    public JsonCursor Required(string name) =>
        Optional(name) ?? throw File.Error(ErrorCodes.MissingJsonField, Path, $"{Path} has no required field '{name}'.");

    /// <summary>The elements of the array <paramref name="name"/>; none when absent or <c>null</c>.</summary>
    public IEnumerable<JsonCursor> OptionalItems(string name) =>
        Optional(name) is { } array ? array.Items() : Array.Empty<JsonCursor>();

    /// <summary>The elements of this array.</summary>
    public IEnumerable<JsonCursor> Items()
    {
        if (Kind != JsonValueKind.Array)
        {
            throw WrongType("an array");
        }

        return node?.Items(Path) ?? Enumerate(this);

        static IEnumerable<JsonCursor> Enumerate(JsonCursor array)
        {
            var index = 0;
            foreach (var item in array.element.EnumerateArray())
            {
                yield return new JsonCursor(array.File, item, JsonPath.Element(array.Path, index++));
            }
        }
    }

    /// <summary>Fails with <see cref="ErrorCodes.WrongJsonFieldType"/> unless this is an object.</summary>
    public JsonCursor ExpectObject() => Kind == JsonValueKind.Object ? this : throw WrongType("an object");

    public string AsString() => Kind == JsonValueKind.String ? element.GetString()! : throw WrongType("a string");

    /// <summary>The value as written in the file (a number's digits), for messages; not for an object or array left in the file.</summary>
    public string RawText => Element.GetRawText();

    /// <summary>A finite number; infinity (e.g. <c>1e400</c>) is <see cref="ErrorCodes.InputValueOutOfRange"/>.</summary>
    public double AsFiniteNumber()
    {
        if (Kind != JsonValueKind.Number)
        {
            throw WrongType("a number");
        }

        var value = element.GetDouble();
        return double.IsFinite(value) ? value : throw OutOfRange($"{Path} is {RawText}, which is not a finite number.");
    }

    /// <summary>A finite number that is not negative.</summary>
    public double AsNonNegativeNumber()
    {
        var value = AsFiniteNumber();
        return value >= 0 ? value : throw OutOfRange($"{Path} is {RawText}; it must not be negative.");
    }

    /// <summary>
    /// A count: a whole, non-negative number that fits an <see cref="int"/>. <c>3.0</c> is accepted
    /// (Python writes floats for computed counts), <c>2.5</c> and <c>"3"</c> are not.
    /// </summary>
    public int AsCount()
    {
        var value = AsFiniteNumber();
        if (value != Math.Floor(value))
        {
            throw WrongType("a whole number");
        }

        if (value < 0)
        {
            throw OutOfRange($"{Path} is {RawText}; a count must not be negative.");
        }

        return value <= int.MaxValue ? (int)value : throw OutOfRange($"{Path} is {RawText}, which is too large for a count.");
    }

    private bool Contains(string name, out bool isNull)
    {
        if (node is not null)
        {
            return node.Contains(name, out isNull);
        }

        var found = element.TryGetProperty(name, out var value);
        isNull = found && value.ValueKind == JsonValueKind.Null;
        return found;
    }

    public QualityGatesException WrongType(string expected) =>
        File.Error(ErrorCodes.WrongJsonFieldType, Path, $"{Path} must be {expected}, but is {Description}.");

    public QualityGatesException OutOfRange(string message) => File.Error(ErrorCodes.InputValueOutOfRange, Path, message);

    public QualityGatesException Error(string code, string message) => File.Error(code, Path, message);

    /// <summary>What this value is, for messages: "an array", "the string \"3\"", "null".</summary>
    public string Description => node is null ? Describe(element) : Describe(node.Kind);

    private static string Describe(JsonValueKind kind) => kind == JsonValueKind.Object ? "an object" : "an array";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "the string " + Shorten(value.GetRawText()),
        JsonValueKind.Number => "the number " + Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "the boolean " + value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
