using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// Azure Pipelines: a <c>##vso[task.logissue type=error;code=QG…]</c> per failed check, and the
/// Markdown table written next to the reports and attached to the build summary with
/// <c>##vso[task.uploadsummary]</c>.
/// </summary>
internal sealed class AzurePipelinesIntegration : ICiIntegration
{
    // Azure has no 1 MiB rule, but a summary tab larger than this is not read by anyone.
    private const long SummaryLimit = MarkdownSummary.GitHubStepSummaryLimit;

    public string Name => "azure-pipelines";

    public IReadOnlyList<string> Publish(CiReportContext context)
    {
        var warnings = new List<string>();
        if (context.Options.AzureIssues)
        {
            foreach (var check in context.Report.Checks.Where(c => c.Status is GateStatus.Failed or GateStatus.Warning or GateStatus.Waived))
            {
                context.Commands.WriteLine(check.Failed
                    ? AzureCommands.LogError($"{check.Gate}: {check.Message}", check.Code)
                    : AzureCommands.LogWarning($"{check.Gate}: {check.Message}", check.Code));
            }

            WriteNewCodeIssues(context);
        }

        var folder = context.Files is { } files
            ? Path.GetDirectoryName(files.Json)!
            : context.Variable("AGENT_TEMPDIRECTORY") ?? Path.GetTempPath();
        var path = Path.Combine(folder, SummaryFileName(context.Report.Timestamp));
        var markdown = MarkdownSummary.Render(context.Report, context.Files, SummaryLimit) ?? string.Empty;
        try
        {
            Directory.CreateDirectory(folder);
            // A new name per run: the agent reads the file after the step, and parallel runs share the folder.
            if (!AtomicFile.TryCreate(path, Encoding.UTF8.GetBytes(markdown)))
            {
                warnings.Add($"The quality gate summary was not attached to the build: '{path}' already exists.");
                return warnings;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"The quality gate summary was not attached to the build: cannot write '{path}': {ex.Message}");
            return warnings;
        }

        context.Commands.WriteLine(AzureCommands.UploadSummary(path));
        return warnings;
    }

    /// <summary>The uncovered new lines as warnings on the source lines (capped, see <see cref="NewCodeAnnotations"/>).</summary>
    private static void WriteNewCodeIssues(CiReportContext context)
    {
        var (shown, omitted) = NewCodeAnnotations.Select(context.Report);
        foreach (var (file, range) in shown)
        {
            context.Commands.WriteLine(AzureCommands.LogWarningOnLine(NewCodeAnnotations.Message(range), Errors.ErrorCodes.NewCodeCoverageBelowMinimum, file, range.Start));
        }

        if (omitted > 0)
        {
            context.Commands.WriteLine("##vso[task.logissue type=warning]" + AzureCommands.EscapeData(NewCodeAnnotations.OmittedMessage(omitted)));
        }
    }

    /// <summary>"quality-gates-summary-&lt;yyyyMMddTHHmmssfffZ&gt;-&lt;random&gt;.md".</summary>
    internal static string SummaryFileName(DateTimeOffset timestamp) =>
        "quality-gates-summary-" + timestamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)
        + "-" + RandomNumberGenerator.GetHexString(8, lowercase: true) + ".md";
}
