using System.Globalization;
using System.Text.Json;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A value in a <see cref="JsonInputFile"/> together with its JSON path, so that every typed read
/// can fail with a coded error naming the file, the line and the field. A JSON <c>null</c> counts as
/// absent for optional fields: scanners written in Go emit <c>null</c> for empty lists.
/// </summary>
public readonly struct JsonCursor
{
    public JsonCursor(JsonInputFile file, JsonElement element, string path)
    {
        File = file;
        Element = element;
        Path = path;
    }

    public JsonInputFile File { get; }

    public JsonElement Element { get; }

    /// <summary>Where this value is, e.g. <c>$.Results[0].Vulnerabilities[2].Severity</c>.</summary>
    public string Path { get; }

    public JsonValueKind Kind => Element.ValueKind;

    /// <summary>True when this is an object that has <paramref name="name"/> with a non-null value.</summary>
    public bool Has(string name) =>
        Kind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The property <paramref name="name"/> of this object, or null when absent or <c>null</c>.</summary>
    public JsonCursor? Optional(string name)
    {
        ExpectObject();
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(File, value, JsonPath.Property(Path, name))
            : null;
    }

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

        return Enumerate(this);

        static IEnumerable<JsonCursor> Enumerate(JsonCursor array)
        {
            var index = 0;
            foreach (var item in array.Element.EnumerateArray())
            {
                yield return new JsonCursor(array.File, item, JsonPath.Element(array.Path, index++));
            }
        }
    }

    /// <summary>Fails with <see cref="ErrorCodes.WrongJsonFieldType"/> unless this is an object.</summary>
    public JsonCursor ExpectObject() => Kind == JsonValueKind.Object ? this : throw WrongType("an object");

    public string AsString() => Kind == JsonValueKind.String ? Element.GetString()! : throw WrongType("a string");

    /// <summary>A finite number; infinity (e.g. <c>1e400</c>) is <see cref="ErrorCodes.InputValueOutOfRange"/>.</summary>
    public double AsFiniteNumber()
    {
        if (Kind != JsonValueKind.Number)
        {
            throw WrongType("a number");
        }

        var value = Element.GetDouble();
        return double.IsFinite(value) ? value : throw OutOfRange($"{Path} is {Element.GetRawText()}, which is not a finite number.");
    }

    /// <summary>A finite number that is not negative.</summary>
    public double AsNonNegativeNumber()
    {
        var value = AsFiniteNumber();
        return value >= 0 ? value : throw OutOfRange($"{Path} is {Element.GetRawText()}; it must not be negative.");
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
            throw OutOfRange($"{Path} is {Element.GetRawText()}; a count must not be negative.");
        }

        return value <= int.MaxValue ? (int)value : throw OutOfRange($"{Path} is {Element.GetRawText()}, which is too large for a count.");
    }

    public QualityGatesException WrongType(string expected) =>
        File.Error(ErrorCodes.WrongJsonFieldType, Path, $"{Path} must be {expected}, but is {Description}.");

    public QualityGatesException OutOfRange(string message) => File.Error(ErrorCodes.InputValueOutOfRange, Path, message);

    public QualityGatesException Error(string code, string message) => File.Error(code, Path, message);

    /// <summary>What this value is, for messages: "an array", "the string \"3\"", "null".</summary>
    public string Description => Describe(Element);

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
