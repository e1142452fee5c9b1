using System.Globalization;
using System.Text.Json.Serialization;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// The JSON the webhook POSTs (schema version 1): the verdict, the failed checks with their figures,
/// where the report is and which build made it. <c>text</c> is a one-line summary, so a Slack or
/// Mattermost incoming webhook shows something useful without a relay.
/// </summary>
internal static class WebhookPayload
{
    /// <summary>The <c>schemaVersion</c> written; raised only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The payload as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(QualityGateReport report, ReportFiles? files, CiBuildInfo? ci) =>
        ProductJson.ToUtf8(new JsonWebhookPayload(report, files, ci), WebhookJsonContext.Default.JsonWebhookPayload);

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
}

/// <summary>The payload's members, in order (<see cref="ProductJson"/>).</summary>
internal sealed class JsonWebhookPayload(QualityGateReport report, ReportFiles? files, CiBuildInfo? ci)
{
    public int SchemaVersion => WebhookPayload.SchemaVersion;
    public string Event => report.AllPassed ? "gates_passed" : "gates_blocked";
    public string Text => WebhookPayload.Text(report, ci);
    public string? ModelName => report.Model?.Name;
    public string? ModelVersion => report.Model?.Version;
    public string Context => report.ContextName;
    public string Timestamp => ProductJson.Timestamp(report.Timestamp);
    public bool Strict => report.Strict;
    public bool AllPassed => report.AllPassed;
    public JsonCheckCounts Summary => new(report.Checks);
    public IEnumerable<JsonFailedCheck> FailedChecks => report.FailedChecks.Select(c => new JsonFailedCheck(c));
    public string? ReportPath => files?.Json;
    public string? HtmlPath => files?.Html;
    public JsonCi? Ci => ci is null ? null : new(ci);
}

/// <summary>A failed check with its figures, raw and as people read them.</summary>
internal sealed class JsonFailedCheck(GateCheckResult check)
{
    public string Gate => check.Gate;
    public string? Code => check.Code;
    public string Message => check.Message;
    public double? Value => check.Value;
    public double? Threshold => check.Threshold;
    public string ValueText => GateDescriptions.FormatValue(check.Gate, check.Value);
    public string ThresholdText => GateDescriptions.FormatThreshold(check.Gate, check.Threshold);
}

/// <summary>The webhook's document, serialised without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata,
    Converters = [typeof(ProductJson.TextConverter), typeof(ProductJson.NumberConverter)])]
[JsonSerializable(typeof(JsonWebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
