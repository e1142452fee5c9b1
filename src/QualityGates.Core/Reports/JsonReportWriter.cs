using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Integrations;

namespace QualityGates.Reports;

/// <summary>
/// Writes the whole report as JSON (schema version 1, camelCase, indented). Written member by member
/// with <see cref="Utf8JsonWriter"/>: the file's shape is this code, not whatever a serializer infers
/// from the records. Every section is always present; a section whose input was not given is null.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The <c>schemaVersion</c> this writer produces; raised only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keep messages readable ("≥", "→", accents) while still escaping HTML-sensitive characters.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes the report to <paramref name="stream"/> as UTF-8 without BOM; the stream is left open.</summary>
    public static void Write(QualityGateReport report, Stream stream, CiBuildInfo? ci = null)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        WriteReport(json, report, ci);
    }

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(QualityGateReport report, CiBuildInfo? ci = null) => Encoding.UTF8.GetString(ToUtf8(report, ci));

    /// <summary>The report as UTF-8 bytes, ready to be written to several files.</summary>
    public static byte[] ToUtf8(QualityGateReport report, CiBuildInfo? ci = null)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer, ci);
        return buffer.ToArray();
    }

    private static void WriteReport(Utf8JsonWriter json, QualityGateReport report, CiBuildInfo? ci)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        JsonReportValues.Text(json, "modelName", report.Model?.Name);
        JsonReportValues.Text(json, "modelVersion", report.Model?.Version);
        json.WriteString("context", report.ContextName);
        json.WriteString("timestamp", JsonReportValues.Timestamp(report.Timestamp));
        json.WriteBoolean("strict", report.Strict);
        json.WriteBoolean("allPassed", report.AllPassed);
        JsonReportValues.Summary(json, report);
        WriteChecks(json, report);
        WriteThresholds(json, report.Thresholds);
        JsonMetricsWriter.Write(json, report.Inputs);
        WriteInputFiles(json, report.Inputs.Files);
        JsonReportValues.TextArray(json, "warnings", report.Warnings);
        JsonWaivers.WriteOutcomes(json, report);
        JsonReportValues.Ci(json, ci);
        json.WriteEndObject();
    }

    /// <summary>The <c>inputs</c> array: each file read, as <c>{ "path", "kind", "contribution" }</c> (added in schema 1 without a version change: readers ignore unknown fields).</summary>
    private static void WriteInputFiles(Utf8JsonWriter json, IReadOnlyList<Inputs.InputFileRead> files)
    {
        json.WriteStartArray("inputs");
        foreach (var file in files)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "path", file.Path);
            JsonReportValues.Text(json, "kind", file.Kind);
            JsonReportValues.Text(json, "contribution", file.Contribution);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteChecks(Utf8JsonWriter json, QualityGateReport report)
    {
        json.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            json.WriteStartObject();
            json.WriteString("gate", check.Gate);
            json.WriteString("status", StatusName(check.Status));
            JsonReportValues.Number(json, "value", check.Value);
            JsonReportValues.Number(json, "threshold", check.Threshold);
            JsonReportValues.Text(json, "message", check.Message);
            if (check.Status is GateStatus.Failed or GateStatus.Warning or GateStatus.Waived && check.Code is not null)
            {
                json.WriteString("code", check.Code);
            }

            if (check.WarningLevel is double warn)
            {
                json.WriteNumber("warningLevel", warn);
            }

            if (check.Waivers.Count > 0)
            {
                json.WriteStartArray("waivers");
                foreach (var waiver in check.Waivers)
                {
                    JsonWaivers.Write(json, waiver, state: null);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteThresholds(Utf8JsonWriter json, GateThresholds thresholds)
    {
        json.WriteStartObject("thresholds");
        json.WriteNumber("minTestPassRate", thresholds.MinTestPassRate);
        json.WriteNumber("minCodeCoverage", thresholds.MinCodeCoverage);
        JsonReportValues.Number(json, "minBranchCoverage", thresholds.MinBranchCoverage);
        json.WriteNumber("minQualityScore", thresholds.MinQualityScore);
        json.WriteNumber("maxRegression", thresholds.MaxRegression);
        json.WriteNumber("maxLatencyIncrease", thresholds.MaxLatencyIncrease);
        json.WriteNumber("maxMemoryIncreasePercent", thresholds.MaxMemoryIncreasePercent);
        json.WriteNumber("minThroughputTokensPerSec", thresholds.MinThroughputTokensPerSec);
        json.WriteNumber("maxCriticalVulnerabilities", thresholds.MaxCriticalVulnerabilities);
        json.WriteNumber("maxHighVulnerabilities", thresholds.MaxHighVulnerabilities);
        json.WriteNumber("maxMediumVulnerabilities", thresholds.MaxMediumVulnerabilities);
        json.WriteEndObject();
    }

    /// <summary>The lower-case status word used in JSON reports and the block log.</summary>
    public static string StatusName(GateStatus status) => status switch
    {
        GateStatus.Passed => "passed",
        GateStatus.Failed => "failed",
        GateStatus.Warning => "warning",
        GateStatus.Waived => "waived",
        _ => "skipped",
    };

    /// <summary>The status a <see cref="StatusName"/> word stands for, or null for an unknown word.</summary>
    public static GateStatus? StatusFromName(string name) =>
        Enum.GetValues<GateStatus>().Cast<GateStatus?>().FirstOrDefault(s => StatusName(s!.Value) == name);
}
