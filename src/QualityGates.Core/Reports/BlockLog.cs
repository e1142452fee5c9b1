using QualityGates.Files;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>
/// <c>blocks.jsonl</c>: one JSON line per blocked run (a run with a failed check), appended and never
/// rewritten, safe for parallel processes (see <see cref="JsonLinesFile"/>).
/// </summary>
internal sealed class BlockLog
{
    /// <summary>The log's file name inside the report folder.</summary>
    public const string FileName = "blocks.jsonl";

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
    public static string ToLine(QualityGateReport report, string? reportFile = null) =>
        ProductJson.ToText(new BlockLine(report, reportFile), ReportJsonContext.Default.BlockLine, indented: false);
}

/// <summary>One line of <c>blocks.jsonl</c>: when, what, the report file, and the failed gates.</summary>
internal sealed class BlockLine(QualityGateReport report, string? reportFile)
{
    public string Timestamp => ProductJson.Timestamp(report.Timestamp);
    public string? ModelName => report.Model?.Name;
    public string? ModelVersion => report.Model?.Version;
    public string Context => report.ContextName;
    public bool Strict => report.Strict;
    public string? Report => reportFile;
    public IEnumerable<BlockedGate> FailedGates => report.FailedChecks.Select(c => new BlockedGate(c));
}

internal sealed class BlockedGate(GateCheckResult check)
{
    public string Gate => check.Gate;
    public string? Code => check.Code;
    public string Message => check.Message;
}
