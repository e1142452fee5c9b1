using System.Globalization;
using System.Text;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// GitHub Actions: a <c>::error</c> annotation per failed check (unless the caller's own error lines
/// are annotated by a problem matcher), the Markdown table appended to <c>$GITHUB_STEP_SUMMARY</c>,
/// and the outputs <c>passed</c>, <c>failed-count</c>, <c>report-path</c> and <c>html-path</c> in <c>$GITHUB_OUTPUT</c>.
/// </summary>
internal sealed class GitHubActionsIntegration : ICiIntegration
{
    public string Name => "github-actions";

    public IReadOnlyList<string> Publish(CiReportContext context)
    {
        var warnings = new List<string>();
        if (context.Options.GitHubAnnotations)
        {
            WriteAnnotations(context);
        }

        AppendStepSummary(context, warnings);
        WriteOutputs(context, warnings);
        return warnings;
    }

    private static void WriteAnnotations(CiReportContext context)
    {
        var workspace = context.Variable("GITHUB_WORKSPACE");
        foreach (var check in context.Report.Checks.Where(c => c.Status is GateStatus.Failed or GateStatus.Warning or GateStatus.Waived))
        {
            var file = CheckSources.RelativeTo(workspace, CheckSources.FileOf(context.Report, check.Gate));
            var title = $"{check.Code} {check.Gate}".Trim();
            context.Commands.WriteLine(check.Failed ? GitHubCommands.Error(check.Message, title, file) : GitHubCommands.Warning(check.Message, title, file));
        }

        var (shown, omitted) = NewCodeAnnotations.Select(context.Report);
        var root = context.Report.Inputs.NewCode?.RepositoryRoot;
        foreach (var (path, range) in shown)
        {
            context.Commands.WriteLine(GitHubCommands.WarningOnLines(NewCodeAnnotations.Message(range), NewCodeAnnotations.Title,
                NewCodeAnnotations.ForWorkspace(path, root, workspace), range.Start, range.End));
        }

        if (omitted > 0)
        {
            context.Commands.WriteLine("::notice title=" + GitHubCommands.EscapeProperty(NewCodeAnnotations.Title) + "::" + GitHubCommands.EscapeData(NewCodeAnnotations.OmittedMessage(omitted)));
        }
    }

    private static void AppendStepSummary(CiReportContext context, List<string> warnings)
    {
        if (context.Variable("GITHUB_STEP_SUMMARY") is not { } path)
        {
            return;
        }

        long existing = 0;
        try
        {
            var written = SharedTextFile.Append(path, length =>
            {
                existing = length;
                // A blank line first, so our heading never runs into what an earlier step or project wrote.
                var separator = length > 0 ? "\n" : string.Empty;
                var budget = MarkdownSummary.GitHubStepSummaryBudget - length - 2 * separator.Length;
                return MarkdownSummary.Render(context.Report, context.Files, budget) is { } markdown ? separator + markdown : null;
            });
            if (!written)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The quality gate table was not added to the GitHub step summary: '{path}' already holds {existing} bytes, too close to its 1 MiB limit."));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"The quality gate table was not added to the GitHub step summary '{path}': {ex.Message}");
        }
    }

    private static void WriteOutputs(CiReportContext context, List<string> warnings)
    {
        if (context.Variable("GITHUB_OUTPUT") is not { } path)
        {
            return;
        }

        var report = context.Report;
        var lines = new StringBuilder()
            .Append(GitHubOutputs.Simple("passed", report.AllPassed ? "true" : "false"))
            .Append(GitHubOutputs.Simple("failed-count", report.FailedChecks.Count.ToString(CultureInfo.InvariantCulture)));
        if (context.Files is { } files)
        {
            lines.Append(GitHubOutputs.Multiline("report-path", files.Json));
            if (files.Html is not null)
            {
                lines.Append(GitHubOutputs.Multiline("html-path", files.Html));
            }
        }

        try
        {
            SharedTextFile.Append(path, _ => lines.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"The quality gate outputs were not written to the GitHub output file '{path}': {ex.Message}");
        }
    }
}
