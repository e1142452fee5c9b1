using System.Globalization;
using System.Text.Json;

namespace QualityGates.Reports;

/// <summary>Value writing shared by the JSON writers: nulls for absent or non-finite numbers, cleaned strings, one time format.</summary>
internal static class JsonReportValues
{
    /// <summary>ISO 8601 in UTC with milliseconds, e.g. "2025-03-01T12:00:00.123Z".</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes a number, or null when absent or not finite (JSON has no NaN or infinity).</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a string, or null when absent.</summary>
    public static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, ReportText.ForJson(value));
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void TextArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(ReportText.ForJson(value));
        }

        json.WriteEndArray();
    }
}
