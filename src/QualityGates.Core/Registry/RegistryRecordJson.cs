using System.Text.Json.Serialization;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// A record as one line of JSON: the typed records below (<see cref="ProductJson"/>). Every member is always
/// present (null when it does not apply), except <c>override</c> and the report's <c>waivers</c>, which are
/// written only when they hold something (so older lines read and copy byte-identically); <c>schemaVersion</c> comes first, which the reader relies on to
/// find a record's start after a torn line. A database keeps the same line in its <c>record</c> column.
/// </summary>
internal static class RegistryRecordJson
{
    /// <summary>The <c>schemaVersion</c> of the records this build writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>How every record line begins; a reader resynchronises on it after a torn line.</summary>
    internal const string LinePrefix = "{\"schemaVersion\":";

    /// <summary>The record as one line of JSON (no line break).</summary>
    public static string ToLine(RegistryRecord record) =>
        ProductJson.ToText(new JsonRegistryRecord(record), RegistryJsonContext.Default.JsonRegistryRecord, indented: false);
}

/// <summary>
/// A registry record's members, in order (<c>schemaVersion</c> stays first); the CLI's <c>--json</c> prints
/// records in this shape too. A new member is one property here (and its reading in <see cref="RegistryRecordParser"/>).
/// </summary>
internal sealed class JsonRegistryRecord(RegistryRecord record)
{
    public int SchemaVersion => RegistryRecordJson.SchemaVersion;
    public string Id => record.Id;
    public string Kind => record.KindName;
    public string Timestamp => ProductJson.Timestamp(record.Timestamp);
    public string Model => record.Model.Name;
    public string Version => record.Model.Version;
    public string Context => record.ContextName;
    public string By => record.By;
    public string? Notes => record.Notes;
    public string? Reason => record.Reason;
    public string? Target => record.Target;

    /// <summary>Only on approvals that overrode a blocked gate run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Override => record.Override;

    public JsonRegistryReport? Report => record.Report is { } report ? new(report) : null;
}

/// <summary>The gate report a record was decided on; <c>waivers</c> only when the run had any.</summary>
internal sealed class JsonRegistryReport(ReportReference report)
{
    public string? File => report.File;
    public string Timestamp => ProductJson.Timestamp(report.Timestamp);
    public bool Strict => report.Strict;
    public bool AllPassed => report.AllPassed;
    public JsonRegistryCounts Summary => new(report);
    public IEnumerable<JsonRegistryCheck> Checks => report.Checks.Select(c => new JsonRegistryCheck(c));

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<JsonRegistryWaiver>? Waivers => report.Waivers.Count == 0 ? null : report.Waivers.Select(w => new JsonRegistryWaiver(w));
}

internal sealed class JsonRegistryCounts(ReportReference report)
{
    public int Total => report.Checks.Count;
    public int Passed => report.Passed;
    public int Failed => report.Failed;
    public int Skipped => report.Skipped;
}

internal sealed class JsonRegistryCheck(ReportCheckEntry check)
{
    public string Gate => check.Gate;
    public string Status => JsonReportWriter.StatusName(check.Status);
    public string? Code => check.Code;
}

internal sealed class JsonRegistryWaiver(ReportWaiverEntry waiver)
{
    public string Waives => waiver.Waives;
    public string Owner => waiver.Owner;
    public string Reason => waiver.Reason;
    public string Expires => waiver.Expires;
    public string State => waiver.State;
}

/// <summary>The registry's document, serialised without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata,
    Converters = [typeof(ProductJson.TextConverter), typeof(ProductJson.NumberConverter)])]
[JsonSerializable(typeof(JsonRegistryRecord))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
