using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Reports;

namespace QualityGates.MSBuild.Integrations;

/// <summary>
/// Publishes a finished run to the CI server (GitHub Actions, Azure Pipelines) and sends the webhook,
/// through the engine's <see cref="CiReporter"/> and <see cref="WebhookNotifier"/>. Problems are
/// warnings with their own code (QG5003 for CI files, QG5002 for the webhook): the verdict stands.
/// </summary>
internal static class CiPublishing
{
    /// <summary>Publishes <c>report</c> (with the <c>files</c> written for it) and sends the webhook; <c>ciIntegration</c> false switches the CI server integrations off, not the webhook.</summary>
    public static void Publish(QualityGateReport report, ReportFiles? files, CiBuildInfo? ci, bool ciIntegration,
        WebhookOptions? webhook, Func<string, string?> environment, TaskLoggingHelper log, string? projectFile)
    {
        if (ciIntegration)
        {
            // Workflow commands must reach the runner's stdout: high-importance messages do under the
            // console logger (the runner trims the indentation); a task never writes to the console itself.
            using var commands = new LineWriter(line => log.LogMessage(MessageImportance.High, "{0}", line));
            // GitHubAnnotations stays on: our errors carry no line, so setup-dotnet's problem matcher
            // does not annotate them and the ::error commands are the only annotations (docs/msbuild.md).
            var options = new CiReportOptions { GitHubAnnotations = true, AzureIssues = true };
            foreach (var warning in CiReporter.Report(report, files, commands, options, environment))
            {
                Warn(log, ErrorCodes.CiOutputNotWritten, warning, projectFile);
            }
        }

        if (webhook is not null && webhook.AppliesTo(report)
            && new WebhookNotifier(webhook).Send(report, files, ci) is { } problem)
        {
            Warn(log, ErrorCodes.WebhookNotDelivered, problem, projectFile);
        }
    }

    private static void Warn(TaskLoggingHelper log, string code, string message, string? projectFile) =>
        log.LogWarning(null, code, null, projectFile, 0, 0, 0, 0, "{0}", ConsoleText.Neutralise(message));
}
