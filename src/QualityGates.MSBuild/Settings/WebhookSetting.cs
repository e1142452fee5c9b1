using QualityGates.Integrations;

namespace QualityGates.MSBuild.Settings;

/// <summary>
/// Reads the webhook properties. The URL defaults to <c>QUALITYGATES_WEBHOOK_URL</c>, as in the CLI, so
/// a secret URL can stay in the CI server's secret store instead of a project file or command line.
/// </summary>
internal static class WebhookSetting
{
    public const string UrlProperty = "QualityGatesWebhookUrl";
    public const string AlwaysProperty = "QualityGatesWebhookAlways";
    public const string TimeoutProperty = "QualityGatesWebhookTimeout";
    public const string UrlVariable = "QUALITYGATES_WEBHOOK_URL";

    /// <summary>The webhook, or null when no URL is set; a bad value throws QG0009 or QG0006 naming the property.</summary>
    public static WebhookOptions? Parse(string? url, string? always, string? timeout, Func<string, string?> environment)
    {
        var (text, source) = !string.IsNullOrWhiteSpace(url) ? (url, UrlProperty)
            : environment(UrlVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment) ? (fromEnvironment, UrlVariable)
            : (null, UrlProperty);
        var sendAlways = SwitchSetting.Parse(always, AlwaysProperty, whenEmpty: false);
        var limit = string.IsNullOrWhiteSpace(timeout) ? WebhookOptions.DefaultTimeout : WebhookOptions.ParseTimeout(timeout, TimeoutProperty);
        return text is null ? null : WebhookOptions.Parse(text, source) with { Always = sendAlways, Timeout = limit };
    }
}
