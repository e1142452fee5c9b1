using System.Globalization;
using System.Text;
using QualityGates.Metrics;

namespace QualityGates.Reports.Html;

/// <summary>gates.html's "New code" section: what the change was compared with, its coverage, and every uncovered new line by file.</summary>
internal static class HtmlNewCodeSection
{
    public static void Append(StringBuilder page, NewCodeCoverage? newCode)
    {
        if (newCode is null)
        {
            return;
        }

        var rate = newCode.LineRate is double r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
        page.Append("<section id=\"new-code\">\n<h2>New code</h2>\n<p class=\"note\">Compared with <code>")
            .Append(HtmlText.Encode(newCode.BaseRef)).Append("</code> (").Append(HtmlText.Encode(newCode.BaseRefSource))
            .Append(") from the merge base <code>").Append(HtmlText.Encode(newCode.ShortMergeBase)).Append("</code>: ")
            .Append(CultureInfo.InvariantCulture, $"{newCode.ChangedLines} lines added or modified in {newCode.ChangedFiles} files; ")
            .Append(CultureInfo.InvariantCulture, $"{newCode.LinesCovered} of {newCode.LinesValid} coverable new lines covered ({rate}).</p>\n");
        var uncovered = newCode.Files.Where(f => f.Uncovered.Count > 0).ToList();
        if (uncovered.Count == 0)
        {
            page.Append("</section>\n");
            return;
        }

        page.Append("<table class=\"uncovered\">\n<thead><tr><th>File</th><th>Uncovered</th><th>New lines not run by any test</th></tr></thead>\n<tbody>\n");
        foreach (var file in uncovered)
        {
            page.Append("<tr><td><code>").Append(HtmlText.Encode(file.Path)).Append("</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{file.LinesValid - file.LinesCovered} of {file.LinesValid}</td>")
                .Append("<td class=\"lines\">").Append(HtmlText.Encode(string.Join(", ", file.Uncovered))).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }
}
