namespace QualityGates.Integrations;

/// <summary>What <see cref="CiReporter"/> publishes besides the report files.</summary>
public sealed record CiReportOptions
{
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
