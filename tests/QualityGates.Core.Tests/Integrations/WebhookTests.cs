using System.Diagnostics;
using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Integrations;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

/// <summary>The webhook against a real HTTP server on 127.0.0.1.</summary>
public sealed class WebhookTests : IDisposable
{
    private const string SecretPath = "/hooks/T000/B000/s3cr3t-token?x=1";
    private readonly TempDirectory _dir = new();

    [Fact]
    public void ABlockedRunPostsThePayload()
    {
        using var server = new LocalHttpServer(status: 200);
        var files = new ReportFileSet(_dir.Path).Write(SampleReports.Failing());
        var environment = new Dictionary<string, string> { ["JENKINS_URL"] = "https://ci.example/", ["BUILD_NUMBER"] = "42", ["BUILD_URL"] = "https://ci.example/job/gate/42/" };

        var warnings = CiReporter.Report(SampleReports.Failing(), files, new StringWriter(),
            new CiReportOptions { Webhook = new WebhookOptions(server.Url(SecretPath)) }, environment.GetValueOrDefault);

        Assert.Empty(warnings);
        var request = server.WaitForRequest()!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(SecretPath, request.Target);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.StartsWith("QualityGates/", request.Headers["User-Agent"]);

        using var payload = JsonDocument.Parse(request.Body);
        var root = payload.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("gates_blocked", root.GetProperty("event").GetString());
        Assert.Equal("Quality gates FAILED for veran v6.2 (production): tests.pass_rate, coverage.line, security.critical failed. Build: https://ci.example/job/gate/42/",
            root.GetProperty("text").GetString());
        Assert.Equal("veran", root.GetProperty("modelName").GetString());
        Assert.Equal("v6.2", root.GetProperty("modelVersion").GetString());
        Assert.Equal("production", root.GetProperty("context").GetString());
        Assert.Equal("2025-03-01T12:34:56.789Z", root.GetProperty("timestamp").GetString());
        Assert.False(root.GetProperty("allPassed").GetBoolean());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal(7, root.GetProperty("summary").GetProperty("passed").GetInt32());
        var failed = root.GetProperty("failedChecks").EnumerateArray().ToList();
        Assert.Equal(["tests.pass_rate", "coverage.line", "security.critical"], failed.Select(f => f.GetProperty("gate").GetString()));
        Assert.Equal("QG2001", failed[0].GetProperty("code").GetString());
        Assert.Equal(0.97, failed[0].GetProperty("value").GetDouble());
        Assert.Equal(0.98, failed[0].GetProperty("threshold").GetDouble());
        Assert.Equal("97.0%", failed[0].GetProperty("valueText").GetString());
        Assert.Equal("≥ 98.0%", failed[0].GetProperty("thresholdText").GetString());
        Assert.Equal("Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed, 2 skipped)", failed[0].GetProperty("message").GetString());
        Assert.Equal(1, failed[2].GetProperty("value").GetDouble());
        Assert.Equal(0, failed[2].GetProperty("threshold").GetDouble());
        Assert.Equal(files.Json, root.GetProperty("reportPath").GetString());
        Assert.Equal(files.Html, root.GetProperty("htmlPath").GetString());
        Assert.Equal("jenkins", root.GetProperty("ci").GetProperty("provider").GetString());
        Assert.Equal("42", root.GetProperty("ci").GetProperty("buildNumber").GetString());
    }

    [Fact]
    public void APassingRunPostsOnlyWhenAskedToPostAlways()
    {
        using var quiet = new LocalHttpServer();
        using var always = new LocalHttpServer();

        var first = CiReporter.Report(SampleReports.Passing(), null, new StringWriter(), new CiReportOptions { Webhook = new WebhookOptions(quiet.Url()) }, _ => null);
        var second = CiReporter.Report(SampleReports.Passing(), null, new StringWriter(),
            new CiReportOptions { Webhook = new WebhookOptions(always.Url()) { Always = true } }, _ => null);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Null(quiet.WaitForRequest(seconds: 0.5));
        using var payload = JsonDocument.Parse(always.WaitForRequest()!.Body);
        Assert.Equal("gates_passed", payload.RootElement.GetProperty("event").GetString());
        Assert.Equal("Quality gates passed for veran v6.2 (production): 10 checks passed.", payload.RootElement.GetProperty("text").GetString());
        Assert.Empty(payload.RootElement.GetProperty("failedChecks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("reportPath").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("ci").ValueKind);
    }

    [Theory]
    [InlineData(500, "500 InternalServerError")]
    [InlineData(404, "404 NotFound")]
    [InlineData(302, "302 Found")]
    public void ANon2xxAnswerIsAWarningThatHidesTheSecretPath(int status, string answer)
    {
        using var server = new LocalHttpServer(status);
        var notifier = new WebhookNotifier(new WebhookOptions(server.Url(SecretPath)));

        var warning = notifier.Send(SampleReports.Failing(), null, null);

        Assert.Equal($"The quality gates webhook to http://127.0.0.1:{server.Port} was not delivered: the server answered {answer}. The build's result is not affected.", warning);
        Assert.NotNull(server.WaitForRequest());
    }

    [Fact]
    public void AServerThatNeverAnswersIsAWarningWithinTheTimeout()
    {
        using var server = new LocalHttpServer(neverAnswer: true);
        var notifier = new WebhookNotifier(new WebhookOptions(server.Url(SecretPath)) { Timeout = TimeSpan.FromSeconds(3) });
        // 3 s, not less: the first request of a fresh test process spends a while in JIT before it is sent.
        var clock = Stopwatch.StartNew();

        var warning = notifier.Send(SampleReports.Failing(), null, null);

        clock.Stop();
        Assert.Equal($"The quality gates webhook to http://127.0.0.1:{server.Port} was not delivered: no answer within 3 s. The build's result is not affected.", warning);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(20));
        Assert.NotNull(server.WaitForRequest()); // it did connect and send; only the answer was missing
    }

    [Fact]
    public void ARefusedConnectionIsAWarning()
    {
        var port = LocalHttpServer.ClosedPort();
        var notifier = new WebhookNotifier(new WebhookOptions(new Uri($"http://127.0.0.1:{port}{SecretPath}")));
        var clock = Stopwatch.StartNew();

        var warning = notifier.Send(SampleReports.Failing(), null, null);

        Assert.NotNull(warning);
        Assert.StartsWith($"The quality gates webhook to http://127.0.0.1:{port} was not delivered: ", warning);
        Assert.Contains("refused", warning, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cr3t", warning);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString()); // far below a hung request's 100 s default
    }

    [Fact]
    public void AFailedDeliveryComesBackFromTheReporterAsAWarning()
    {
        var options = new CiReportOptions { Webhook = new WebhookOptions(new Uri($"http://127.0.0.1:{LocalHttpServer.ClosedPort()}/x")) };

        var warnings = CiReporter.Report(SampleReports.Failing(), null, new StringWriter(), options, _ => null);

        var warning = Assert.Single(warnings);
        Assert.Equal("QG5002", warning.Code);
        Assert.StartsWith("The quality gates webhook to http://127.0.0.1:", warning.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "uses the scheme 'ftp'")]
    [InlineData("file:///etc/passwd", "is not an absolute URL")]
    [InlineData("/relative/s3cr3t", "is not an absolute URL")]
    [InlineData("hooks.slack.com/services/s3cr3t", "is not an absolute URL")]
    [InlineData("javascript:alert(1)", "uses the scheme 'javascript'")]
    [InlineData("http://", "is not an absolute URL")]
    public void OnlyAbsoluteHttpUrlsAreAccepted(string url, string problem)
    {
        var error = Assert.Throws<QualityGatesException>(() => WebhookOptions.Parse(url, "--webhook"));

        Assert.Equal(ErrorCodes.InvalidSetting, error.Code);
        Assert.StartsWith("--webhook ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public void HttpAndHttpsUrlsAreAcceptedWithTheDefaultTimeout()
    {
        var options = WebhookOptions.Parse(" https://hooks.example.com:8443/services/s3cr3t ", "QualityGatesWebhookUrl");

        Assert.Equal("https://hooks.example.com:8443/services/s3cr3t", options.Url.ToString());
        Assert.Equal("https://hooks.example.com:8443", options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.False(options.Always);
        Assert.Equal("http://127.0.0.1", WebhookOptions.Parse("http://user:pw@127.0.0.1/x", "u").Endpoint);
    }

    [Theory]
    [InlineData("2.5", 2500)]
    [InlineData("120", 120_000)]
    [InlineData("0.05", 50)]
    public void TimeoutsAreSecondsInInvariantCulture(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), WebhookOptions.ParseTimeout(text, "--webhook-timeout"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("121")]
    [InlineData("2,5")]
    [InlineData("five")]
    [InlineData("NaN")]
    public void BadTimeoutsAreCodedErrors(string text)
    {
        var error = Assert.Throws<QualityGatesException>(() => WebhookOptions.ParseTimeout(text, "--webhook-timeout"));

        Assert.Equal(ErrorCodes.InvalidSetting, error.Code);
        Assert.Equal($"--webhook-timeout is '{text}', but it must be a number of seconds above 0 and at most 120.", error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
