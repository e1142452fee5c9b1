using System.Text.Json.Serialization;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>
/// Writes the whole report as JSON (schema version 1, camelCase, indented): the typed records of
/// <see cref="JsonReport"/> through the source-generated <see cref="ReportJsonContext"/> (<see cref="ProductJson"/>).
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>The <c>schemaVersion</c> this writer produces; raised only when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the report to <paramref name="stream"/> as UTF-8 without BOM; the stream is left open.</summary>
    public static void Write(QualityGateReport report, Stream stream, CiBuildInfo? ci = null) =>
        ProductJson.Write(stream, new JsonReport(report, ci), ReportJsonContext.Default.JsonReport);

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(QualityGateReport report, CiBuildInfo? ci = null) =>
        ProductJson.ToText(new JsonReport(report, ci), ReportJsonContext.Default.JsonReport);

    /// <summary>The report as UTF-8 bytes, ready to be written to several files.</summary>
    public static byte[] ToUtf8(QualityGateReport report, CiBuildInfo? ci = null) =>
        ProductJson.ToUtf8(new JsonReport(report, ci), ReportJsonContext.Default.JsonReport);

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

/// <summary>The report's and the block log's documents, serialised without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata,
    Converters = [typeof(ProductJson.TextConverter), typeof(ProductJson.NumberConverter)])]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(BlockLine))]
[JsonSerializable(typeof(JsonIncompleteRun))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
