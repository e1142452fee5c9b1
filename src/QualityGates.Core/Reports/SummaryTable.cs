using System.Globalization;
using System.Text;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>The gate table a person reads in a build log or terminal; the one value from an input (the model) is neutralised for the console.</summary>
internal static class SummaryTable
{
    /// <summary>Renders the verdict line and one row per check.</summary>
    public static string Render(QualityGateReport report)
    {
        var failed = report.Checks.Count(c => c.Status == GateStatus.Failed);
        var skipped = report.Checks.Count(c => c.Status == GateStatus.Skipped);
        var judged = report.Checks.Count - skipped;
        var verdict = report.AllPassed ? "PASSED" : "FAILED";
        var model = report.Model is null ? string.Empty : $" for {ConsoleText.Neutralise(report.Model.ToString())}";

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Quality gates{model} ({report.ContextName}{(report.Strict ? ", strict" : string.Empty)}): {verdict}");
        text.Append(CultureInfo.InvariantCulture, $" - {judged - failed} of {judged} checks passed");
        if (skipped > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {skipped} skipped");
        }

        foreach (var (status, word) in new[] { (GateStatus.Warning, "with a warning"), (GateStatus.Waived, "waived") })
        {
            if (report.Checks.Count(c => c.Status == status) is > 0 and var count)
            {
                text.Append(CultureInfo.InvariantCulture, $", {count} {word}");
            }
        }

        text.AppendLine();
        var rows = report.Checks
            .Select(c => new[] { c.Gate, StatusWord(c.Status), GateDescriptions.FormatValue(c.Gate, c.Value), GateDescriptions.FormatThreshold(c.Gate, c.Threshold) })
            .ToList();
        var header = new[] { "Gate", "Status", "Value", "Threshold" };
        var widths = Enumerable.Range(0, header.Length)
            .Select(i => Math.Max(header[i].Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length)))
            .ToArray();
        AppendRow(text, header, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The word shown for a status in tables and logs.</summary>
    public static string StatusWord(GateStatus status) => status switch
    {
        GateStatus.Passed => "PASS",
        GateStatus.Failed => "FAIL",
        GateStatus.Warning => "WARN",
        GateStatus.Waived => "WAIVED",
        _ => "SKIP",
    };

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.AppendLine();
    }
}
