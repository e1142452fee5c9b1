using System.Globalization;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Gates;

namespace QualityGates.Reports.Html;

/// <summary>
/// Writes <c>gates.html</c>: one self-contained page a person opens from a CI artifact. The verdict
/// in a banner, one row per check with a bar of value against threshold, the run's warnings, the failed tests, the
/// coverage per assembly, the security counts and the model metrics. Inline CSS only: no script, no
/// external resource, and a Content-Security-Policy that forbids both, so a test name that slipped
/// past escaping still could not run or load anything.
/// </summary>
internal static class HtmlReportWriter
{
    /// <summary>The page's file name in the report folder, next to <c>junit-gates.xml</c>.</summary>
    public const string FileName = "gates.html";

    /// <summary>The page as UTF-8 bytes (no BOM).</summary>
    /// <param name="report">The judged run.</param>
    /// <param name="repositoryRoot">Paths under this folder are shown relative to it; others lose their machine-specific start. Null: no root known.</param>
    /// <param name="history">Earlier runs' figures for the trend column; null or empty: no trend.</param>
    public static byte[] ToUtf8(QualityGateReport report, string? repositoryRoot = null, ReportHistory? history = null) =>
        new UTF8Encoding(false).GetBytes(ToHtml(report, repositoryRoot, history));

    /// <summary>Writes the page to <paramref name="stream"/>; the stream is left open.</summary>
    public static void Write(QualityGateReport report, Stream stream) => stream.Write(ToUtf8(report));

    /// <summary>The page as text.</summary>
    public static string ToHtml(QualityGateReport report, string? repositoryRoot = null, ReportHistory? history = null)
    {
        var page = new StringBuilder(16 * 1024);
        var verdict = report.AllPassed ? "PASSED" : "FAILED";
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>Quality gates ").Append(verdict).Append(" – ").Append(HtmlText.Encode(Subject(report))).Append("</title>\n")
            .Append("<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n");
        AppendBanner(page, report, verdict);
        page.Append("<main>\n");
        AppendChecks(page, report, history ?? ReportHistory.None);
        HtmlInputSections.AppendWarnings(page, report.AllWarnings, repositoryRoot);
        SolutionProjectText.AppendHtml(page, report.Projects);
        HtmlInputSections.AppendTests(page, report.Inputs.Tests, repositoryRoot);
        HtmlInputSections.AppendCoverage(page, report.Inputs.Coverage, report.Thresholds.MinCodeCoverage, repositoryRoot);
        HtmlNewCodeSection.Append(page, report.Inputs.NewCode);
        HtmlInputSections.AppendSecurity(page, report.Inputs.Security, repositoryRoot,
            report.FailedChecks.Select(c => GateNames.SeverityOf(c.Gate)).OfType<string>().ToList());
        HtmlInputSections.AppendModel(page, report.Inputs.Model, repositoryRoot);
        HtmlBenchmarkSection.Append(page, report, repositoryRoot);
        HtmlInputSections.AppendInputFiles(page, report.Inputs.Files, repositoryRoot);
        HtmlWaivers.AppendSection(page, report);
        page.Append("</main>\n");
        page.Append("<footer>Written by QualityGates at ").Append(Time(report.Timestamp))
            .Append(". The same run is in <code>junit-gates.xml</code> and <code>latest.json</code> next to this page.</footer>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendBanner(StringBuilder page, QualityGateReport report, string verdict)
    {
        var failed = report.Checks.Count(c => c.Status == GateStatus.Failed);
        var passed = report.Checks.Count(c => c.Status == GateStatus.Passed);
        var skipped = report.Checks.Count(c => c.Status == GateStatus.Skipped);
        page.Append("<header class=\"verdict ").Append(report.AllPassed ? "passed" : "failed").Append("\">\n")
            .Append("<h1>").Append(verdict).Append("</h1>\n")
            .Append("<div class=\"what\">").Append(HtmlText.Encode(Subject(report))).Append("</div>\n")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"counts\">{failed} failed · {passed} passed · {HtmlText.Encode(ReportText.WarnedAndWaived(report, " · "))}{skipped} skipped of {report.Checks.Count} checks")
            .Append(report.Strict ? " · strict mode" : string.Empty)
            .Append(" · ").Append(Time(report.Timestamp)).Append("</div>\n</header>\n");
    }

    private static void AppendChecks(StringBuilder page, QualityGateReport report, ReportHistory history)
    {
        page.Append("<section id=\"checks\">\n<h2>Checks</h2>\n");
        if (report.Checks.Count == 0)
        {
            page.Append("<p class=\"note\">No check was selected for this run.</p>\n</section>\n");
            return;
        }

        page.Append("<table class=\"checks\">\n<thead><tr><th>Gate</th><th>Status</th><th>Value</th><th>Threshold</th>")
            .Append("<th>Value against threshold</th>").Append(history.Runs > 0 ? "<th>Trend</th>" : string.Empty).Append("<th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var check in report.Checks)
        {
            var status = HtmlBar.StatusClass(check.Status);
            page.Append("<tr class=\"").Append(status).Append("\"><td><code>").Append(HtmlText.Encode(check.Gate)).Append("</code>")
                .Append(check.Code is null || check.Status is GateStatus.Passed or GateStatus.Skipped ? string.Empty : $"<br><span class=\"note\">{HtmlText.Encode(check.Code)}</span>")
                .Append("</td><td><span class=\"badge ").Append(status).Append("\">").Append(SummaryTable.StatusWord(check.Status)).Append("</span></td>")
                .Append("<td class=\"num\">").Append(HtmlText.Encode(GateDescriptions.FormatValue(check.Gate, check.Value))).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Encode(GateDescriptions.FormatThreshold(check.Gate, check.Threshold))).Append("</td>")
                .Append("<td class=\"barcell\">").Append(HtmlBar.Render(check.Gate, check.Status, check.Value, check.Threshold)).Append("</td>")
                .Append(history.Runs > 0 ? $"<td>{HtmlTrend.Render(check.Gate, history.ValuesOf(check.Gate), check.Value, check.Threshold, check.Status)}</td>" : string.Empty)
                .Append("<td>").Append(HtmlText.Encode(check.Message)).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>"veran v6.2 · production", or "production context" when no model is named.</summary>
    private static string Subject(QualityGateReport report) =>
        report.Model is null ? $"{report.ContextName} context" : $"{report.Model.Name} {report.Model.Version} · {report.ContextName}";

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
