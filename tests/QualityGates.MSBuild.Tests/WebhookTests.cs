using System.Text.Json;
using Microsoft.Build.Framework;
using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>QualityGatesWebhookUrl / Always / Timeout against a real HTTP server on 127.0.0.1.</summary>
public sealed class WebhookTests : IDisposable
{
    private const string SecretPath = "/hooks/T000/B000/s3cr3t-token";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PostsThePayloadWhenBlocked()
    {
        using var server = new LocalHttpServer(status: 200);
        var run = NewRun().BlockedByCoverage();
        run.Set("WebhookUrl", server.Url(SecretPath).ToString());

        Assert.False(run.Execute());

        var request = server.WaitForRequest()!;
        Assert.Equal("POST", request.Method);
        Assert.Equal(SecretPath, request.Target);
        using var payload = JsonDocument.Parse(request.Body);
        Assert.Equal("gates_blocked", payload.RootElement.GetProperty("event").GetString());
        Assert.Equal("Tests", payload.RootElement.GetProperty("modelName").GetString());
        Assert.Equal("coverage.line", payload.RootElement.GetProperty("failedChecks")[0].GetProperty("gate").GetString());
        Assert.Equal(Assert.Single(run.Task.ReportFiles, f => f.GetMetadata("Kind") == "Json").ItemSpec,
            payload.RootElement.GetProperty("reportPath").GetString());
        Assert.Empty(run.Engine.Warnings);
        // Only the endpoint is echoed: the path holds the secret.
        Assert.Contains($"[input] QualityGatesWebhookUrl=http://127.0.0.1:{server.Port}", run.Engine.MessagesAt(MessageImportance.Low));
        Assert.DoesNotContain(run.Engine.Messages, m => m.Message!.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void SendsNothingAfterAPassingRunUnlessAlways()
    {
        using var quiet = new LocalHttpServer(status: 200);
        var run = NewRun().Passing();
        run.Set("WebhookUrl", quiet.Url().ToString());

        Assert.True(run.Execute());
        Assert.Null(quiet.WaitForRequest(seconds: 0.5));

        using var server = new LocalHttpServer(status: 200);
        var always = NewRun().Passing();
        always.Set("WebhookUrl", server.Url().ToString());
        always.Set("WebhookAlways", "true");

        Assert.True(always.Execute());
        using var payload = JsonDocument.Parse(server.WaitForRequest()!.Body);
        Assert.Equal("gates_passed", payload.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public void TakesTheUrlFromTheEnvironmentWhenThePropertyIsEmpty()
    {
        using var server = new LocalHttpServer(status: 200);
        var run = NewRun().BlockedByCoverage();
        run.Environment["QUALITYGATES_WEBHOOK_URL"] = server.Url("/from-env").ToString();

        run.Execute();

        Assert.Equal("/from-env", server.WaitForRequest()!.Target);
    }

    [Fact]
    public void WarnsWithQG5002WhenTheServerFailsAndKeepsThePassingVerdict()
    {
        using var server = new LocalHttpServer(status: 500);
        var run = NewRun().Passing();
        run.Set("WebhookUrl", server.Url(SecretPath).ToString());
        run.Set("WebhookAlways", "true");

        Assert.True(run.Execute());

        var warning = Assert.Single(run.Engine.Warnings);
        Assert.Equal("QG5002", warning.Code);
        // The test server answers with the enum name as its reason phrase.
        Assert.Equal($"The quality gates webhook to http://127.0.0.1:{server.Port} was not delivered: the server answered 500 InternalServerError. The build's result is not affected.",
            warning.Message);
        Assert.Empty(run.Engine.Errors);
    }

    [Fact]
    public void GivesUpAfterTheTimeoutWithAWarning()
    {
        using var server = new LocalHttpServer(neverAnswer: true);
        var run = NewRun().BlockedByCoverage();
        run.Set("WebhookUrl", server.Url().ToString());
        run.Set("WebhookTimeout", "0.5");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        run.Execute();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the timeout was not applied");
        var warning = Assert.Single(run.Engine.Warnings);
        Assert.Equal("QG5002", warning.Code);
        Assert.Contains("no answer within 0.5 s", warning.Message);
        Assert.Equal(["QG2002"], run.Engine.ErrorCodes);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "WebhookUrl", "QG0009", "QualityGatesWebhookUrl uses the scheme 'ftp'")]
    [InlineData("hooks/relative", "WebhookUrl", "QG0009", "QualityGatesWebhookUrl is not an absolute URL")]
    [InlineData("0", "WebhookTimeout", "QG0009", "QualityGatesWebhookTimeout is '0'")]
    [InlineData("5,5", "WebhookTimeout", "QG0009", "QualityGatesWebhookTimeout is '5,5'")]
    [InlineData("yes", "WebhookAlways", "QG0006", "QualityGatesWebhookAlways is 'yes'")]
    public void RejectsABadValueNamingThePropertyBeforeJudging(string value, string property, string code, string message)
    {
        var run = NewRun().BlockedByCoverage();
        run.Set("WebhookUrl", "https://hooks.example.com/x");
        run.Set(property, value);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Empty(run.Task.Results);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, ".quality-gates")));
    }

    private TaskRun NewRun()
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        run.Set("ModelName", "Tests");
        run.Set("ModelVersion", "1.0");
        return run;
    }
}
