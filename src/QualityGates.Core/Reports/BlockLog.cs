using System.Text.Json;
using System.Text;
using QualityGates.Files;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>
/// <c>blocks.jsonl</c>: one JSON line per blocked run (a run with a failed check), appended and never
/// rewritten, safe for parallel processes (see <see cref="JsonLinesFile"/>).
/// </summary>
public sealed class BlockLog
{
    /// <summary>The log's file name inside the report folder.</summary>
    public const string FileName = "blocks.jsonl";

    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JsonReportWriter.Options.Encoder };

    private readonly TimeSpan? _lockTimeout;

    public BlockLog(string path, TimeSpan? lockTimeout = null)
    {
        Path = path;
        _lockTimeout = lockTimeout;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>Appends the line for <paramref name="report"/>, naming the JSON report file when there is one.</summary>
    public void Append(QualityGateReport report, string? reportFile = null) =>
        JsonLinesFile.Append(Path, ToLine(report, reportFile), _lockTimeout);

    /// <summary>The line written for <paramref name="report"/> (no line break).</summary>
    public static string ToLine(QualityGateReport report, string? reportFile = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", JsonReportValues.Timestamp(report.Timestamp));
            JsonReportValues.Text(json, "modelName", report.Model?.Name);
            JsonReportValues.Text(json, "modelVersion", report.Model?.Version);
            json.WriteString("context", report.ContextName);
            json.WriteBoolean("strict", report.Strict);
            JsonReportValues.Text(json, "report", reportFile);
            json.WriteStartArray("failedGates");
            foreach (var check in report.Checks.Where(c => c.Status == GateStatus.Failed))
            {
                json.WriteStartObject();
                json.WriteString("gate", check.Gate);
                JsonReportValues.Text(json, "code", check.Code);
                JsonReportValues.Text(json, "message", check.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
