using System.Globalization;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Reports;

/// <summary>
/// The run as Markdown for a CI build summary (GitHub's step summary, Azure's build summary): a
/// verdict heading, a table of every check, the run's warnings, then the failed tests. Always within a byte budget:
/// rows that do not fit are left out with a note saying how many and where the full report is.
/// </summary>
internal static class MarkdownSummary
{
    /// <summary>GitHub refuses a step summary above 1 MiB (the whole file, for one step).</summary>
    public const long GitHubStepSummaryLimit = 1024 * 1024;

    /// <summary>
    /// What a step summary is filled to at most: 64 KiB under the limit, because the runner copies the
    /// file line by line before uploading (CRLF on Windows) and drops summaries a few bytes under the
    /// documented limit (https://github.com/actions/runner/issues/4337).
    /// </summary>
    public const long GitHubStepSummaryBudget = GitHubStepSummaryLimit - 64 * 1024;

    /// <summary>Failed tests listed at most; the HTML and JSON reports carry more.</summary>
    public const int MaxFailedTests = 50;

    private const int MaxMessageLength = 1000;
    private const int MaxTestTextLength = 300;

    /// <summary>
    /// The summary in at most <paramref name="maxBytes"/> bytes (UTF-8, counting a line end as CRLF);
    /// null when not even the heading fits.
    /// </summary>
    public static string? Render(QualityGateReport report, ReportFiles? files, long maxBytes)
    {
        var head = Heading(report);
        var tail = Footer(files);
        var blocks = Blocks(report);
        var rows = blocks.Sum(b => b.Rows);

        var text = new StringBuilder(head);
        var used = Bytes(head) + Bytes(tail);
        if (used + blocks.Sum(b => Bytes(b.Text)) <= maxBytes)
        {
            blocks.ForEach(b => text.Append(b.Text));
            return text.Append(tail).ToString();
        }

        var reserve = Bytes(Note(rows, files));
        if (used + reserve > maxBytes)
        {
            return null;
        }

        var shown = 0;
        foreach (var block in blocks)
        {
            var size = Bytes(block.Text);
            if (used + size + reserve > maxBytes)
            {
                break;
            }

            text.Append(block.Text);
            used += size;
            shown += block.Rows;
        }

        return text.Append(Note(rows - shown, files)).Append(tail).ToString();
    }

    private static string Heading(QualityGateReport report)
    {
        var failed = report.Checks.Count(c => c.Status == GateStatus.Failed);
        var passed = report.Checks.Count(c => c.Status == GateStatus.Passed);
        var skipped = report.Checks.Count(c => c.Status == GateStatus.Skipped);
        var what = report.Model is null ? string.Empty : $": {MarkdownText.Cell(report.Model.Name)} {MarkdownText.Cell(report.Model.Version)}";
        var verdict = report.AllPassed ? "✅ Quality gates passed" : "❌ Quality gates failed";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"## {verdict}{what} ({report.ContextName})\n\n")
            .Append(CultureInfo.InvariantCulture, $"**{failed} failed**, {passed} passed, {ReportText.WarnedAndWaived(report, ", ")}{skipped} skipped of {report.Checks.Count} checks")
            .Append(report.Strict ? " (strict mode)" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $" · {report.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n\n")
            .Append("| Gate | Status | Value | Threshold | Message |\n| --- | --- | --- | --- | --- |\n")
            .ToString();
    }

    private static List<(string Text, int Rows)> Blocks(QualityGateReport report)
    {
        var blocks = report.Checks
            .Select(c => ($"| `{c.Gate}` | {Status(c.Status)} | {MarkdownText.Cell(GateDescriptions.FormatValue(c.Gate, c.Value))} | "
                + $"{MarkdownText.Cell(GateDescriptions.FormatThreshold(c.Gate, c.Threshold))} | {MarkdownText.Cell(c.Message, MaxMessageLength)} |\n", 1))
            .ToList();

        var warnings = report.AllWarnings;
        if (warnings.Count > 0)
        {
            blocks.Add((string.Create(CultureInfo.InvariantCulture,
                $"\n**Warnings**: {warnings.Count} (none changed the verdict)\n\n| Code | Warning |\n| --- | --- |\n"), 0));
            blocks.AddRange(warnings.Select(w => ($"| {MarkdownText.Cell(w.Code)} | {MarkdownText.Cell(w.Message, MaxMessageLength)}{Where(w)} |\n", 1)));
        }

        var tests = report.Inputs.Tests;
        if (tests is { FailedTests.Count: > 0 })
        {
            var listed = Math.Min(tests.FailedTests.Count, MaxFailedTests);
            blocks.Add((string.Create(CultureInfo.InvariantCulture,
                $"\n**Failed tests**: {tests.Failed} ({listed} listed)\n\n| Test | Message |\n| --- | --- |\n"), 0));
            blocks.AddRange(tests.FailedTests.Take(listed).Select(t =>
                ($"| {MarkdownText.Cell(t.Name, MaxTestTextLength)} | {MarkdownText.Cell(t.Message, MaxTestTextLength)} |\n", 1)));
        }

        AddFindings(blocks, report);
        AddBenchmarks(blocks, report);
        return blocks;
    }

    /// <summary>The benchmarks behind a failed, waived or warning benchmark gate, one row per benchmark and gate (gates.html has every benchmark).</summary>
    private static void AddBenchmarks(List<(string Text, int Rows)> blocks, QualityGateReport report)
    {
        var rows = report.Checks.SelectMany(c => BenchmarkRows.For(report, c) ?? [])
            .Where(r => r.Status is GateStatus.Failed or GateStatus.Waived or GateStatus.Warning)
            .OrderBy(r => r.Status == GateStatus.Failed ? 0 : 1)
            .ToList();
        if (report.Inputs.Benchmarks is not { } comparison || rows.Count == 0)
        {
            return;
        }

        blocks.Add((string.Create(CultureInfo.InvariantCulture,
            $"\n**Benchmarks** against {MarkdownText.Cell(comparison.Baseline?.Source)}: {rows.Count(r => r.Status == GateStatus.Failed)} regressed\n\n| Gate | Status | Benchmark |\n| --- | --- | --- |\n"), 0));
        blocks.AddRange(rows.Select(r =>
            ($"| `{GateNames.BaseOf(r.Gate)}` | {Status(r.Status)} | {MarkdownText.Cell(r.Message, MaxMessageLength)} |\n", 1)));
    }

    /// <summary>The listed findings of each severity whose security check failed (up to <see cref="Metrics.SecuritySummary.ListedPerSeverity"/> each), as gates.html shows them.</summary>
    private static void AddFindings(List<(string Text, int Rows)> blocks, QualityGateReport report)
    {
        var failed = report.FailedChecks.Select(c => GateNames.SeverityOf(c.Gate)).OfType<string>().ToList();
        if (report.Inputs.Security is not { } security || failed.Count == 0)
        {
            return;
        }

        var findings = security.Listed.Where(f => failed.Contains(f.Severity)).ToList();
        var counted = failed.Sum(security.CountOf);
        blocks.Add((string.Create(CultureInfo.InvariantCulture,
            $"\n**Findings of the failed security checks**: {counted} ({findings.Count} listed)\n\n| Severity | Finding | Scan |\n| --- | --- | --- |\n"), 0));
        blocks.AddRange(findings.Select(f =>
            ($"| {f.Severity} | {MarkdownText.Cell(f.ToString(), MaxTestTextLength)} | {MarkdownText.Cell(f.ScanFile)} |\n", 1)));
    }

    /// <summary>" (in `file:line`)" for a warning about a file; empty otherwise.</summary>
    private static string Where(Errors.GateDiagnostic warning) =>
        warning.File is not { } file ? string.Empty
            : " (in " + MarkdownText.Cell(warning.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{warning.Line}") : file) + ")";

    private static string Status(GateStatus status) => status switch
    {
        GateStatus.Passed => "✅ pass",
        GateStatus.Failed => "❌ **fail**",
        GateStatus.Warning => "⚠️ warning",
        GateStatus.Waived => "🛡️ waived",
        _ => "⏭️ skip",
    };

    private static string Note(int omitted, ReportFiles? files) =>
        "\n_" + omitted.ToString(CultureInfo.InvariantCulture) + " more rows are not shown: a step summary is limited to 1 MiB."
        + (files is null ? string.Empty : $" The full report is {MarkdownText.Cell(files.Json)}.") + "_\n";

    private static string Footer(ReportFiles? files)
    {
        if (files is null)
        {
            return string.Empty;
        }

        var html = files.Html is null ? string.Empty : $" · HTML: {MarkdownText.Cell(files.Html)}";
        return $"\nReport: {MarkdownText.Cell(files.Json)}{html}\n";
    }

    // Each '\n' counts twice: the size after the runner rewrites our lines with CRLF.
    private static long Bytes(string text) => Encoding.UTF8.GetByteCount(text) + text.Count(c => c == '\n');
}
