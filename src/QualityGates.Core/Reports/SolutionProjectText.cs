using System.Globalization;
using System.Text;
using QualityGates.Gates;
using QualityGates.Gates.Checks;
using QualityGates.Reports.Html;

namespace QualityGates.Reports;

/// <summary>
/// The per-project rows of a solution report (<see cref="QualityGateReport.Projects"/>) in each report
/// format but JSON (<see cref="JsonProject"/>): the HTML "Test projects" table, the summary line's count.
/// Written only for a solution report, so a project's own report is unchanged.
/// </summary>
internal static class SolutionProjectText
{
    /// <summary>The "Test projects" section: one row per project with its own tests and coverage.</summary>
    public static void AppendHtml(StringBuilder page, IReadOnlyList<SolutionProject> projects)
    {
        if (projects.Count == 0)
        {
            return;
        }

        page.Append("<section id=\"projects\">\n<h2>Test projects</h2>\n")
            .Append("<p class=\"note\">Each project's own figures; the checks above judge them merged (tests added up, coverage merged per source line).</p>\n")
            .Append("<table>\n<thead><tr><th>Project</th><th>Tests</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Pass rate</th><th>Line coverage</th><th>Branch coverage</th></tr></thead>\n<tbody>\n");
        foreach (var project in projects)
        {
            var tests = project.Tests;
            page.Append("<tr><td>").Append(HtmlText.Encode(project.Name)).Append("</td>")
                .Append(Cell(tests?.Total)).Append(Cell(tests?.Passed)).Append(Cell(tests?.Failed)).Append(Cell(tests?.Skipped))
                .Append(Cell(Rate(tests?.PassRate)))
                .Append(Cell(Rate(project.Coverage?.LineRate, project.Coverage?.LinesCovered, project.Coverage?.LinesValid)))
                .Append(Cell(Rate(project.Coverage?.BranchRate, project.Coverage?.BranchesCovered, project.Coverage?.BranchesValid)))
                .Append("</tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>"3 test projects", for the summary line.</summary>
    public static string Count(int projects) =>
        string.Create(CultureInfo.InvariantCulture, $"{projects} test project{(projects == 1 ? string.Empty : "s")}");

    private static string Cell(int? value) => Cell(value?.ToString(CultureInfo.InvariantCulture));

    private static string Cell(string? text) => "<td class=\"num\">" + HtmlText.Encode(text ?? "–") + "</td>";

    private static string? Rate(double? rate, long? covered = null, long? valid = null) =>
        rate is not { } value ? null
        : covered is { } c && valid is { } v ? $"{Format.Percent(value)} ({Format.Count(c)}/{Format.Count(v)})"
        : Format.Percent(value);
}
