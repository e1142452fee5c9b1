using System.Globalization;
using System.Text;
using QualityGates.Gates.Checks;
using QualityGates.Metrics;

namespace QualityGates.Reports.Html;

/// <summary>gates.html's "New code" section: what the change was compared with, its coverage, the changed source files no coverage report names (QG2022), and every uncovered new line by file.</summary>
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
            .Append(CultureInfo.InvariantCulture, $"{Format.Count(newCode.ChangedLines, "line")} added or modified in {Format.Count(newCode.ChangedFiles, "file")}; ")
            .Append(CultureInfo.InvariantCulture, $"{newCode.LinesCovered} of {Format.Count(newCode.LinesValid, "coverable new line")} covered ({rate}).</p>\n");
        if (newCode.UntestedFiles.Count > 0)
        {
            page.Append("<p class=\"note\">In no coverage report (QG2022, ").Append(Format.Count(newCode.UntestedLines, "line")).Append("): ")
                .AppendJoin(", ", newCode.UntestedFiles.Select(f => "<code>" + HtmlText.Encode(f) + "</code>")).Append(".</p>\n");
        }

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
