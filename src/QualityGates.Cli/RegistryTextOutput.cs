using System.Globalization;
using System.Text;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>How registry records read on a terminal: one line each, time first, free text kept on that line; every line is printed through <see cref="ErrorOutput.Line"/>.</summary>
internal static class RegistryTextOutput
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>e.g. <c>2025-03-01T09:00:00.000Z  v6.2  production   rejected     by bob: Security vulnerabilities found</c>.</summary>
    public static string HistoryLine(RegistryRecord record) =>
        $"{Time(record.Timestamp)}  {record.Model.Version}  {record.ContextName,-11}  {record.KindName,-11}  {Details(record)}";

    /// <summary>e.g. <c>production   approved     2025-03-01T09:00:00.000Z  by alice: notes</c>.</summary>
    public static string StatusLine(ContextStatus status) => status.LatestDecision is { } decision
        ? $"{status.ContextName,-11}  {status.StatusName,-11}  {Time(decision.Timestamp)}  {Details(decision)}"
        : $"{status.ContextName,-11}  none";

    /// <summary>
    /// Prints a record a verb just appended: its JSON with <c>--json</c>, else "<paramref name="what"/> by …"
    /// and the file it went to. Returns the exit code for success.
    /// </summary>
    public static int Recorded(TextWriter output, bool json, RegistryRecord record, string what)
    {
        if (json)
        {
            RegistryJson.Print(output, new JsonRegistryRecord(record), CliJsonContext.Default.JsonRegistryRecord);
        }
        else
        {
            ErrorOutput.Line(output, $"{what} {Details(record)}.");
            ErrorOutput.Line(output, $"Recorded in {record.File}.");
        }

        return ExitCodes.Passed;
    }

    /// <summary>"by who", the target, the reason or notes, and the report's figures.</summary>
    public static string Details(RegistryRecord record)
    {
        var text = new StringBuilder("by ").Append(OneLine(record.By));
        if (record.Override is not null)
        {
            text.Append(" [override of a blocked gate run: ").Append(OneLine(record.Override)).Append(']');
        }

        if (record.Target is not null)
        {
            text.Append(", target ").Append(OneLine(record.Target));
        }

        if ((record.Reason ?? record.Notes) is { } words)
        {
            text.Append(": ").Append(OneLine(words));
        }

        if (record.Report is { } report)
        {
            text.Append(CultureInfo.InvariantCulture, $" [report {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped");
            text.Append(report.File is null ? "]" : $": {report.File}]");
        }

        // The audit trail of waivers: what was let through when the version was decided on.
        foreach (var waiver in record.Report?.Waivers.Where(w => w.State == "applied") ?? [])
        {
            text.Append(" [waived ").Append(OneLine(waiver.Waives)).Append(" by ").Append(OneLine(waiver.Owner))
                .Append(" until ").Append(waiver.Expires).Append(": ").Append(OneLine(waiver.Reason)).Append(']');
        }

        return text.ToString();
    }

    // Notes may span lines; a record is printed on one (the caller neutralises the rest of the line).
    private static string OneLine(string text) => new(text.Select(c => c is '\n' or '\r' or '\t' ? ' ' : c).ToArray());
}
