using System.Text;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Waivers;

namespace QualityGates.Reports.Html;

/// <summary>gates.html's waiver parts: the findings waivers took out of the security counts, and every waiver of the context with its state.</summary>
internal static class HtmlWaivers
{
    /// <summary>
    /// The listed findings of each severity whose check failed (<see cref="SecuritySummary.Listed"/>, in its order), with a
    /// row saying how many more are only counted; nothing when no security check failed.
    /// </summary>
    public static void AppendFailedFindings(StringBuilder page, SecuritySummary security, IReadOnlyCollection<string> failedSeverities)
    {
        if (failedSeverities.Count == 0)
        {
            return;
        }

        page.Append("<h3>Findings of the failed security checks</h3>\n<table>\n<thead><tr><th>Severity</th><th>Advisory</th><th>Package</th><th>Fixed in</th><th>Location</th><th>Scan</th></tr></thead>\n<tbody>\n");
        foreach (var severity in failedSeverities)
        {
            var listed = security.Listed.Where(f => f.Severity == severity).ToList();
            foreach (var finding in listed)
            {
                var location = finding.Message is null ? finding.Location ?? string.Empty : $"{finding.Location} {finding.Message}".Trim();
                var scan = finding.Tool is { } tool && security.ScanTools.Count > 1 ? $"{finding.ScanFile} ({tool})".TrimStart() : finding.ScanFile ?? string.Empty;
                Row(page, finding.Severity, Named(finding), PackageOf(finding), finding.FixedVersion ?? string.Empty, location, scan);
            }

            var more = security.CountOf(severity) - listed.Count;
            if (more > 0)
            {
                Row(page, severity, FormattableString.Invariant($"and {more} more (not listed)"), string.Empty, string.Empty, string.Empty, string.Empty);
            }
        }

        page.Append("</tbody>\n</table>\n");
    }

    /// <summary>The waived findings under the security figures; nothing when none was waived.</summary>
    public static void AppendWaivedFindings(StringBuilder page, SecuritySummary security)
    {
        if (security.Waived.Count == 0)
        {
            return;
        }

        page.Append("<h3>Waived findings (not counted)</h3>\n<table>\n<thead><tr><th>Advisory</th><th>Package</th><th>Severity</th><th>Owner</th><th>Expires</th><th>Reason</th></tr></thead>\n<tbody>\n");
        foreach (var item in security.Waived)
        {
            Row(page, Named(item.Finding), PackageOf(item.Finding), item.Finding.Severity, item.Waiver.Owner, item.Waiver.ExpiresText, item.Waiver.Reason);
        }

        page.Append("</tbody>\n</table>\n");
    }

    /// <summary>The Waivers section: one row per waiver of the context; nothing without a waivers file.</summary>
    public static void AppendSection(StringBuilder page, QualityGateReport report)
    {
        if (report.Waivers.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"waivers\">\n<h2>Waivers</h2>\n<table>\n<thead><tr><th>Waives</th><th>State</th><th>Owner</th><th>Expires</th><th>Reason</th></tr></thead>\n<tbody>\n");
        foreach (var outcome in report.Waivers)
        {
            Row(page, outcome.Waiver.Target, outcome.State.ToString().ToLowerInvariant(), outcome.Waiver.Owner, outcome.Waiver.ExpiresText, outcome.Waiver.Reason);
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Named(SecurityFinding finding) =>
        finding.Advisory + (finding.Aliases.Count == 0 ? string.Empty : $" ({string.Join(", ", finding.Aliases)})");

    private static string PackageOf(SecurityFinding finding) =>
        finding.Package is null ? string.Empty : $"{finding.Package} {finding.Version}".Trim();

    private static void Row(StringBuilder page, params string[] cells)
    {
        page.Append("<tr>");
        foreach (var cell in cells)
        {
            page.Append("<td>").Append(HtmlText.Encode(cell)).Append("</td>");
        }

        page.Append("</tr>\n");
    }
}
