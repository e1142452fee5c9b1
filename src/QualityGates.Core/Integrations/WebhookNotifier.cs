using System.Globalization;
using System.Net.Http.Headers;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// POSTs <see cref="WebhookPayload"/> to the configured URL. Delivery is best effort: a timeout, a
/// refused connection or a non-2xx answer comes back as a warning, never as an exception, so a chat
/// server being down never fails a build. Redirects are not followed (a POST turned into a GET
/// delivers nothing) and the URL is never shown whole, since webhook URLs carry their secret.
/// </summary>
internal sealed class WebhookNotifier
{
    private readonly WebhookOptions _options;

    public WebhookNotifier(WebhookOptions options) => _options = options;

    /// <summary>Sends the payload and waits at most the configured timeout.</summary>
    /// <returns>Null when the server answered 2xx; otherwise a warning saying what went wrong.</returns>
    public string? Send(QualityGateReport report, ReportFiles? files, CiBuildInfo? ci)
    {
        var body = WebhookPayload.ToUtf8(report, files, ci);
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = _options.Timeout };
        using var client = new HttpClient(handler) { Timeout = _options.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("QualityGates", typeof(WebhookNotifier).Assembly.GetName().Version?.ToString(3)));

        try
        {
            // The synchronous Send: MSBuild tasks are synchronous, and blocking on a Task is what we would do anyway.
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            return response.IsSuccessStatusCode
                ? null
                : Problem(string.Create(CultureInfo.InvariantCulture, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}"));
        }
        catch (OperationCanceledException)
        {
            return Problem("no answer within " + _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
        {
            return Problem(ex.Message.Replace(_options.Url.OriginalString, _options.Endpoint, StringComparison.Ordinal));
        }
    }

    private string Problem(string what) =>
        $"The quality gates webhook to {_options.Endpoint} was not delivered: {what}. The build's result is not affected.";
}
