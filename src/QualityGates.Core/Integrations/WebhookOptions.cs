using System.Globalization;
using QualityGates.Errors;
using QualityGates.Gates;

namespace QualityGates.Integrations;

/// <summary>
/// Where the webhook goes and when: to an absolute http or https URL, when the gates blocked the
/// run (or after every run with <see cref="Always"/>), giving up after <see cref="Timeout"/>.
/// </summary>
internal sealed record WebhookOptions
{
    /// <summary>How long a delivery may take when nothing else is set: short, a build waits for it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest timeout accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(2);

    private readonly Uri _url = null!;
    private readonly TimeSpan _timeout = DefaultTimeout;

    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    public WebhookOptions(Uri url) => Url = url;

    /// <summary>The endpoint; it may carry a secret in its path (Slack, Teams), so it is never logged whole.</summary>
    public Uri Url
    {
        get => _url;
        init => _url = IsHttp(value) ? value : throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(value));
    }

    /// <summary>Also POST after a run whose gates all passed (default: only when blocked).</summary>
    public bool Always { get; init; }

    /// <summary>The whole delivery's time limit, connecting included.</summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = value > TimeSpan.Zero && value <= MaxTimeout
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The webhook timeout must be above zero and at most two minutes.");
    }

    /// <summary>Whether <paramref name="report"/> is sent: always when blocked, after a passing run only with <see cref="Always"/>.</summary>
    public bool AppliesTo(Gates.QualityGateReport report) => Always || !report.AllPassed;

    /// <summary>The URL's scheme, host and port only: what messages show instead of the URL.</summary>
    public string Endpoint => Url.Scheme + "://" + Url.Authority;

    /// <summary>The environment variable read when no URL is set, so a secret URL can stay in the CI server's secret store.</summary>
    public const string UrlVariable = "QUALITYGATES_WEBHOOK_URL";

    /// <summary>
    /// The one set of rules for the webhook settings of every adapter: the URL is <paramref name="settings"/>'
    /// URL, else <see cref="UrlVariable"/>; the timeout is checked whenever given; without a URL there is no
    /// webhook and <c>Always</c> and the timeout do nothing, so they can sit in shared settings (a
    /// <c>Directory.Build.props</c>, a CI template) that only CI runs give a URL to.
    /// </summary>
    /// <returns>The webhook, or null when no URL is set.</returns>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> naming the setting as the user calls it.</exception>
    public static WebhookOptions? FromSettings(WebhookSettings settings, Func<string, string?> environment)
    {
        var (url, source) = !string.IsNullOrWhiteSpace(settings.Url) ? (settings.Url, settings.UrlName)
            : (environment(UrlVariable), UrlVariable);
        var timeout = string.IsNullOrWhiteSpace(settings.Timeout) ? (TimeSpan?)null : ParseTimeout(settings.Timeout, settings.TimeoutName);
        return string.IsNullOrWhiteSpace(url) ? null
            : Parse(url, source) with { Always = settings.Always, Timeout = timeout ?? DefaultTimeout };
    }

    /// <summary>Reads a URL the user wrote.</summary>
    /// <param name="text">The value as written.</param>
    /// <param name="source">What the user calls the setting (<c>--webhook</c>, <c>QualityGatesWebhookUrl</c>).</param>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> naming <paramref name="source"/>.</exception>
    public static WebhookOptions Parse(string text, string source)
    {
        // The value itself is not echoed: a mistyped webhook URL still holds its secret token.
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.IsFile || url.IsUnc)
        {
            throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{source} is not an absolute URL; give the webhook as http://host/path or https://host/path.");
        }

        if (!IsHttp(url))
        {
            throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{source} uses the scheme '{url.Scheme}', but a webhook must be an http:// or https:// URL with a host.");
        }

        return new WebhookOptions(url);
    }

    /// <summary>Reads a timeout in seconds (a decimal point is allowed, e.g. 2.5).</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> naming <paramref name="source"/>.</exception>
    public static TimeSpan ParseTimeout(string text, string source)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds <= 0 || seconds > MaxTimeout.TotalSeconds)
        {
            throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{source} is '{text}', but it must be a number of seconds above 0 and at most {MaxTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static bool IsHttp(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0;
}

/// <summary>The webhook settings as an adapter was given them, with the names the user knows them by.</summary>
/// <param name="Url">The URL as written, or null/blank for <see cref="WebhookOptions.UrlVariable"/>.</param>
/// <param name="Always">Also POST after a passing run.</param>
/// <param name="Timeout">Seconds as written (invariant culture), or null/blank for the default of 5.</param>
/// <param name="UrlName">What the user calls the URL setting (<c>QualityGatesWebhookUrl</c>, <c>--webhook</c>).</param>
/// <param name="TimeoutName">What the user calls the timeout setting.</param>
internal sealed record WebhookSettings(string? Url, bool Always, string? Timeout, string UrlName, string TimeoutName);
