using System.Globalization;
using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Integrations;

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

    /// <summary>The <c>summary</c> object: counts of checks by status (JSON report and webhook payload).</summary>
    public static void Summary(Utf8JsonWriter json, QualityGateReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("total", report.Checks.Count);
        json.WriteNumber("passed", report.Checks.Count(c => c.Status == GateStatus.Passed));
        json.WriteNumber("failed", report.Checks.Count(c => c.Status == GateStatus.Failed));
        json.WriteNumber("skipped", report.Checks.Count(c => c.Status == GateStatus.Skipped));
        json.WriteNumber("warning", report.Checks.Count(c => c.Status == GateStatus.Warning));
        json.WriteNumber("waived", report.Checks.Count(c => c.Status == GateStatus.Waived));
        json.WriteEndObject();
    }

    /// <summary>The <c>ci</c> object, or null when no CI server was detected.</summary>
    public static void Ci(Utf8JsonWriter json, CiBuildInfo? ci)
    {
        if (ci is null)
        {
            json.WriteNull("ci");
            return;
        }

        json.WriteStartObject("ci");
        JsonReportValues.Text(json, "provider", ci.Provider);
        JsonReportValues.Text(json, "buildNumber", ci.BuildNumber);
        JsonReportValues.Text(json, "buildUrl", ci.BuildUrl);
        JsonReportValues.Text(json, "commit", ci.Commit);
        json.WriteEndObject();
    }
}
