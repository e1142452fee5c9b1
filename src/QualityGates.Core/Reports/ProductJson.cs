using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace QualityGates.Reports;

/// <summary>
/// How the product writes its own JSON (reports, the block log, registry records, the webhook, the CLI's
/// <c>--json</c>): a typed record per document, serialised through a source-generated context (no
/// reflection, trim-safe) whose options name <see cref="TextConverter"/> and <see cref="NumberConverter"/>.
/// A record's properties are the document's members in order; adding a member is one property.
/// </summary>
internal static class ProductJson
{
    // Keep messages readable ("≥", "→", accents) while still escaping HTML-sensitive characters.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes <paramref name="value"/> to <paramref name="stream"/> as UTF-8 without BOM; the stream is left open.</summary>
    public static void Write<T>(Stream stream, T value, JsonTypeInfo<T> type, bool indented = true)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = Encoder });
        JsonSerializer.Serialize(json, value, type);
    }

    /// <summary><paramref name="value"/> as UTF-8 bytes.</summary>
    public static byte[] ToUtf8<T>(T value, JsonTypeInfo<T> type, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(buffer, value, type, indented);
        return buffer.ToArray();
    }

    /// <summary><paramref name="value"/> as text: indented, or one line (no line break) for JSON Lines files.</summary>
    public static string ToText<T>(T value, JsonTypeInfo<T> type, bool indented = true) =>
        Encoding.UTF8.GetString(ToUtf8(value, type, indented));

    /// <summary>ISO 8601 in UTC with milliseconds, e.g. "2025-03-01T12:00:00.123Z": every time the product writes.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every string written: a lone surrogate (which UTF-8, and so JSON, cannot carry) becomes U+FFFD (<see cref="ReportText.ForJson"/>).</summary>
    public sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ReportText.ForJson(value));
    }

    /// <summary>Every number with a fraction: null when not finite (JSON has no NaN or infinity).</summary>
    public sealed class NumberConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
