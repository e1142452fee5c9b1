using System.Text;
using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// Writes a record as one line of JSON. Written member by member, so the file format is this code; every
/// member is always present (null when it does not apply), except <c>override</c> and the report's
/// <c>waivers</c>, which are written only when they hold something; <c>schemaVersion</c> comes first,
/// which the reader relies on to find a record's start after a torn line.
/// </summary>
public static class RegistryRecordJson
{
    /// <summary>The <c>schemaVersion</c> of the records this build writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>How every record line begins; a reader resynchronises on it after a torn line.</summary>
    internal const string LinePrefix = "{\"schemaVersion\":";

    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JsonReportWriter.Options.Encoder };

    /// <summary>The record as one line of JSON (no line break).</summary>
    public static string ToLine(RegistryRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            Write(json, record);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the record as a JSON object (the same shape as its registry line).</summary>
    public static void Write(Utf8JsonWriter json, RegistryRecord record)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("id", record.Id);
        json.WriteString("kind", record.KindName);
        json.WriteString("timestamp", JsonReportValues.Timestamp(record.Timestamp));
        json.WriteString("model", record.Model.Name);
        json.WriteString("version", record.Model.Version);
        json.WriteString("context", record.ContextName);
        JsonReportValues.Text(json, "by", record.By);
        JsonReportValues.Text(json, "notes", record.Notes);
        JsonReportValues.Text(json, "reason", record.Reason);
        JsonReportValues.Text(json, "target", record.Target);
        if (record.Override is not null)
        {
            // Only on approvals that overrode a blocked gate run, so every other line reads as it always did.
            JsonReportValues.Text(json, "override", record.Override);
        }

        WriteReport(json, record.Report);
        json.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter json, ReportReference? report)
    {
        if (report is null)
        {
            json.WriteNull("report");
            return;
        }

        json.WriteStartObject("report");
        JsonReportValues.Text(json, "file", report.File);
        json.WriteString("timestamp", JsonReportValues.Timestamp(report.Timestamp));
        json.WriteBoolean("strict", report.Strict);
        json.WriteBoolean("allPassed", report.AllPassed);
        json.WriteStartObject("summary");
        json.WriteNumber("total", report.Checks.Count);
        json.WriteNumber("passed", report.Passed);
        json.WriteNumber("failed", report.Failed);
        json.WriteNumber("skipped", report.Skipped);
        json.WriteEndObject();
        json.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "gate", check.Gate);
            json.WriteString("status", StatusName(check.Status));
            JsonReportValues.Text(json, "code", check.Code);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (report.Waivers.Count > 0)
        {
            json.WriteStartArray("waivers");
            foreach (var waiver in report.Waivers)
            {
                json.WriteStartObject();
                JsonReportValues.Text(json, "waives", waiver.Waives);
                JsonReportValues.Text(json, "owner", waiver.Owner);
                JsonReportValues.Text(json, "reason", waiver.Reason);
                JsonReportValues.Text(json, "expires", waiver.Expires);
                JsonReportValues.Text(json, "state", waiver.State);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    internal static string StatusName(GateStatus status) => Reports.JsonReportWriter.StatusName(status);
}
