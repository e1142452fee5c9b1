using System.Globalization;
using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// The JSON the webhook POSTs (schema version 1): the verdict, the failed checks with their figures,
/// where the report is and which build made it. <c>text</c> is a one-line summary, so a Slack or
/// Mattermost incoming webhook shows something useful without a relay.
/// </summary>
public static class WebhookPayload
{
    /// <summary>The <c>schemaVersion</c> written; raised only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The payload as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(QualityGateReport report, ReportFiles? files, CiBuildInfo? ci)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonReportWriter.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("event", report.AllPassed ? "gates_passed" : "gates_blocked");
            json.WriteString("text", ReportText.ForJson(Text(report, ci)));
            JsonReportValues.Text(json, "modelName", report.Model?.Name);
            JsonReportValues.Text(json, "modelVersion", report.Model?.Version);
            json.WriteString("context", report.ContextName);
            json.WriteString("timestamp", JsonReportValues.Timestamp(report.Timestamp));
            json.WriteBoolean("strict", report.Strict);
            json.WriteBoolean("allPassed", report.AllPassed);
            JsonReportValues.Summary(json, report);
            WriteFailedChecks(json, report);
            JsonReportValues.Text(json, "reportPath", files?.Json);
            JsonReportValues.Text(json, "htmlPath", files?.Html);
            JsonReportValues.Ci(json, ci);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>"Quality gates FAILED for veran v6.2 (production): tests.pass_rate, coverage.line failed. Build: …".</summary>
    public static string Text(QualityGateReport report, CiBuildInfo? ci)
    {
        var what = report.Model is null ? string.Empty : $" for {report.Model.Name} {report.Model.Version}";
        var failed = report.FailedChecks;
        var outcome = report.AllPassed
            ? string.Create(CultureInfo.InvariantCulture, $"Quality gates passed{what} ({report.ContextName}): {report.Checks.Count(c => c.Passed)} checks passed.")
            : $"Quality gates FAILED{what} ({report.ContextName}): {string.Join(", ", failed.Select(c => c.Gate))} failed.";
        return ci?.BuildUrl is { } url ? outcome + " Build: " + url : outcome;
    }

    private static void WriteFailedChecks(Utf8JsonWriter json, QualityGateReport report)
    {
        json.WriteStartArray("failedChecks");
        foreach (var check in report.FailedChecks)
        {
            json.WriteStartObject();
            json.WriteString("gate", check.Gate);
            JsonReportValues.Text(json, "code", check.Code);
            JsonReportValues.Text(json, "message", check.Message);
            JsonReportValues.Number(json, "value", check.Value);
            JsonReportValues.Number(json, "threshold", check.Threshold);
            json.WriteString("valueText", GateDescriptions.FormatValue(check.Gate, check.Value));
            json.WriteString("thresholdText", GateDescriptions.FormatThreshold(check.Gate, check.Threshold));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

}
