using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// The publishing step of <see cref="Running.GateRun"/>, after the verdict and the report files: publishes
/// the run to the CI server found in the environment and sends the webhook. Nothing here changes the
/// verdict or throws for a delivery problem; every problem comes back as a warning to log.
/// </summary>
internal static class CiReporter
{
    /// <param name="report">The finished run.</param>
    /// <param name="files">The report files written for it, or null when none were.</param>
    /// <param name="commands">The build log the CI server reads commands from (the CLI's stdout).</param>
    /// <param name="options">What to publish; null for the defaults (annotations on, no webhook).</param>
    /// <param name="environment">Reads environment variables; null for the process environment.</param>
    /// <param name="ci">The build, when the caller already read it from <paramref name="environment"/>; null reads it here.</param>
    /// <returns>Coded warnings to log, in order (QG5003 for CI output, QG5002 for the webhook); empty when everything was published.</returns>
    public static IReadOnlyList<GateDiagnostic> Report(
        QualityGateReport report,
        ReportFiles? files,
        TextWriter commands,
        CiReportOptions? options = null,
        Func<string, string?>? environment = null,
        CiBuildInfo? ci = null)
    {
        var variables = environment ?? Environment.GetEnvironmentVariable;
        var settings = options ?? new CiReportOptions();
        var warnings = new List<GateDiagnostic>();

        if (settings.CiServer && CiIntegrations.Detect(variables) is { } integration)
        {
            warnings.AddRange(integration.Publish(new CiReportContext(report, files, commands, settings, variables))
                .Select(w => GateDiagnostic.Warning(ErrorCodes.CiOutputNotWritten, w)));
        }

        if (settings.Webhook is { } webhook && webhook.AppliesTo(report)
            && new WebhookNotifier(webhook).Send(report, files, ci ?? CiBuildInfo.FromEnvironment(variables)) is { } problem)
        {
            warnings.Add(GateDiagnostic.Warning(ErrorCodes.WebhookNotDelivered, problem));
        }

        return warnings;
    }
}

/// <summary>What <see cref="CiReporter"/> publishes besides the report files.</summary>
internal sealed record CiReportOptions
{
    /// <summary>Publish to the CI server found in the environment (default true); false leaves only the webhook.</summary>
    public bool CiServer { get; init; } = true;

    /// <summary>
    /// Write a <c>::error</c> workflow command per failed check on GitHub Actions (default true).
    /// A caller whose failed checks already print as <c>file(line): error QG…: message [project]</c>
    /// sets this to false: setup-dotnet's problem matcher turns those lines into annotations, and a
    /// second annotation per check would only be noise. See docs/integrations.md.
    /// </summary>
    public bool GitHubAnnotations { get; init; } = true;

    /// <summary>Write a <c>##vso[task.logissue]</c> command per failed check on Azure Pipelines (default true).</summary>
    public bool AzureIssues { get; init; } = true;

    /// <summary>Where and when to POST the webhook payload; null for no webhook.</summary>
    public WebhookOptions? Webhook { get; init; }
}
