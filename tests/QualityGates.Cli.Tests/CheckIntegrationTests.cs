using System.Diagnostics;
using System.Text.Json;

namespace QualityGates.Cli.Tests;

/// <summary><c>check</c> on a CI agent and with a webhook, with the environment injected per test.</summary>
public sealed class CheckIntegrationTests : IDisposable
{
    private static readonly string GuardClausesTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string GuardClausesCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");

    private const string CoverageAnnotation = "::error title=QG2002 coverage.line::Line coverage 49.9%25 is below the production minimum of 90.0%25 (295 of 591 lines covered)";

    private readonly TempDirectory _dir = new();

    private string ReportDir => Path.Combine(_dir.Path, "reports");

    [Fact]
    public void OnGitHubActionsAnnotatesOnceAndWritesTheStepSummaryAndOutputs()
    {
        var environment = GitHub();

        var run = CliRun.WithEnvironment(environment, FailingProductionCheck("--report-dir", ReportDir));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(CoverageAnnotation + Environment.NewLine, run.Output);
        Assert.Single(RunnerCommand.All(run.Output + run.Error));
        Assert.Equal(["QG2002"], run.ErrorCodes); // the CLI's own coded line is still there, but no matcher turns it into a second annotation

        var summary = File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]);
        Assert.StartsWith("## ❌ Quality gates failed: guard 1.0 (production)\n\n**1 failed**, 1 passed, 0 skipped of 2 checks (strict mode) · ", summary);
        Assert.Contains("| `coverage.line` | ❌ **fail** | 49.9% | ≥ 90.0% | Line coverage 49.9% is below the production minimum of 90.0% (295 of 591 lines covered) |\n", summary);
        Assert.Contains("| `tests.pass_rate` | ✅ pass | 99.7% | ≥ 98.0% |", summary);
        Assert.Contains("**Failed tests**: 3 (3 listed)", summary);
        Assert.Contains("fixture: deliberate exception with &lt;xml&gt; &amp; \"special\" chars", summary);

        var outputs = GitHubOutputFile.Read(environment["GITHUB_OUTPUT"]);
        Assert.Equal("false", outputs["passed"]);
        Assert.Equal("1", outputs["failed-count"]);
        Assert.Equal(Path.Combine(ReportDir, "gates.html"), outputs["html-path"]);
        Assert.Equal(Assert.Single(Directory.GetFiles(ReportDir, "report-*.json")), outputs["report-path"]);
    }

    [Fact]
    public void AnAnnotationNamesTheScanFileRelativeToTheWorkspace()
    {
        var run = CliRun.WithEnvironment(GitHub(), "check", "--security-scan", Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "::error title=QG2009 security.critical,file=security/trivy/trivy-debian-buster.json.golden::1 critical vulnerability exceeds the staging maximum of 0 (scan: trivy): CVE-2019-18224 in libidn2-0 2.0.5-1 (fixed in 2.0.5-1+deb10u1)",
            Assert.Single(run.Output.Split(Environment.NewLine), l => l.StartsWith("::", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithJsonTheAnnotationGoesToStderrAndStdoutStaysJson()
    {
        var run = CliRun.WithEnvironment(GitHub(), FailingProductionCheck("--json"));

        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("allPassed").GetBoolean());
        Assert.Equal("github-actions", json.RootElement.GetProperty("ci").GetProperty("provider").GetString());
        Assert.Contains(CoverageAnnotation + Environment.NewLine, run.Error);
    }

    [Fact]
    public void OnAzurePipelinesLogsAnIssueAndUploadsTheSummary()
    {
        var run = CliRun.WithEnvironment(new Dictionary<string, string> { ["TF_BUILD"] = "True" }, FailingProductionCheck("--report-dir", ReportDir));

        Assert.Equal(1, run.ExitCode);
        var commands = AgentCommand.All(run.Output);
        Assert.Equal(["task.logissue", "task.uploadsummary"], commands.Select(c => c.Name));
        Assert.Equal("QG2002", commands[0].Properties["code"]);
        Assert.Equal("coverage.line: Line coverage 49.9% is below the production minimum of 90.0% (295 of 591 lines covered)", commands[0].Data);
        Assert.Equal(ReportDir, Path.GetDirectoryName(commands[1].Data));
        Assert.Contains("| `coverage.line` | ❌ **fail** | 49.9% |", File.ReadAllText(commands[1].Data));
    }

    [Fact]
    public void OnJenkinsTheReportsCarryTheBuildAndNoCommandIsWritten()
    {
        var environment = new Dictionary<string, string>
        {
            ["JENKINS_URL"] = "https://jenkins.example/",
            ["BUILD_NUMBER"] = "17",
            ["BUILD_URL"] = "https://jenkins.example/job/gates/17/",
            ["GIT_COMMIT"] = "0209804391d8403cb828ad0a46fca1faba51ac4f",
        };

        var run = CliRun.WithEnvironment(environment, FailingProductionCheck("--report-dir", ReportDir));

        using var latest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportDir, "latest.json")));
        var ci = latest.RootElement.GetProperty("ci");
        Assert.Equal("jenkins", ci.GetProperty("provider").GetString());
        Assert.Equal("17", ci.GetProperty("buildNumber").GetString());
        Assert.Equal("https://jenkins.example/job/gates/17/", ci.GetProperty("buildUrl").GetString());
        Assert.Equal("0209804391d8403cb828ad0a46fca1faba51ac4f", ci.GetProperty("commit").GetString());
        Assert.Empty(RunnerCommand.All(run.Output + run.Error));
        Assert.Empty(AgentCommand.All(run.Output + run.Error));
    }

    [Fact]
    public void TheReportFolderGetsGatesHtml()
    {
        CliRun.Of(FailingProductionCheck("--report-dir", ReportDir));

        var html = File.ReadAllText(Path.Combine(ReportDir, "gates.html"));
        Assert.Contains("<h1>FAILED</h1>\n<div class=\"what\">guard 1.0 · production</div>", html);
        Assert.Contains("<tr><td>Ardalis.GuardClauses</td><td class=\"num\">295 of 591</td><td class=\"num\">49.9%</td>", html);
        Assert.Contains("<h3>Failed tests (3 of 3 listed)</h3>", html);
        Assert.Contains("GuardClauses.UnitTests.DeliberateOutcomeTests.DeliberatelyThrowingException", html);
        Assert.Contains("fixture: deliberate exception with &lt;xml&gt; &amp; &quot;special&quot; chars", html);
    }

    [Fact]
    public void ABlockedRunPostsTheWebhook()
    {
        using var server = new LocalHttpServer();

        var run = CliRun.Of(FailingProductionCheck("--report-dir", ReportDir, "--webhook", server.Url("/hook?token=s3cr3t").ToString()));

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("warning QG5002", run.Error); // the webhook was delivered (QG2013 names the tolerated failed tests)
        using var payload = JsonDocument.Parse(server.WaitForRequest()!.Body);
        var root = payload.RootElement;
        Assert.Equal("gates_blocked", root.GetProperty("event").GetString());
        Assert.Equal("guard", root.GetProperty("modelName").GetString());
        var failed = Assert.Single(root.GetProperty("failedChecks").EnumerateArray());
        Assert.Equal("coverage.line", failed.GetProperty("gate").GetString());
        Assert.Equal(295.0 / 591, failed.GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.9, failed.GetProperty("threshold").GetDouble());
        Assert.Equal(Path.Combine(ReportDir, "gates.html"), root.GetProperty("htmlPath").GetString());
    }

    [Fact]
    public void TheWebhookUrlCanComeFromTheEnvironment()
    {
        using var server = new LocalHttpServer();

        CliRun.WithEnvironment(new Dictionary<string, string> { ["QUALITYGATES_WEBHOOK_URL"] = server.Url("/env").ToString() }, FailingProductionCheck());

        Assert.Equal("/env", server.WaitForRequest()!.Target);
    }

    [Fact]
    public void AFailedDeliveryIsAWarningAndKeepsAPassingExitCode()
    {
        using var server = new LocalHttpServer(status: 500);

        var run = CliRun.Of("check", "--context", "development", "--test-results", GuardClausesTrx,
            "--webhook", server.Url("/hook").ToString(), "--webhook-always");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning QG5002 : The quality gates webhook to http://127.0.0.1:{server.Port} was not delivered: the server answered 500 InternalServerError. The build's result is not affected.", run.Error);
        Assert.DoesNotContain("/hook", run.Error);
    }

    [Fact]
    public void ASlowWebhookIsGivenUpAfterItsTimeout()
    {
        using var server = new LocalHttpServer(neverAnswer: true);
        var clock = Stopwatch.StartNew();

        var run = CliRun.Of(FailingProductionCheck("--webhook", server.Url().ToString(), "--webhook-timeout", "0.3"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was not delivered: no answer within 0.3 s.", run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString()); // far below a hung request's 100 s default
    }

    [Theory]
    [InlineData(new[] { "--webhook", "ftp://example.com/x" }, "--webhook uses the scheme 'ftp'")]
    [InlineData(new[] { "--webhook", "not a url" }, "--webhook is not an absolute URL")]
    [InlineData(new[] { "--webhook", "http://127.0.0.1/x", "--webhook-timeout", "0" }, "--webhook-timeout is '0'")]
    public void BadWebhookSettingsExitTwoBeforeAnythingIsJudged(string[] webhook, string message)
    {
        var run = CliRun.Of(["check", "--test-results", GuardClausesTrx, .. webhook]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0009"], run.ErrorCodes);
        Assert.Contains(message, run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    private Dictionary<string, string> GitHub() => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = Fixtures.Path(),
        ["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir.Path, "step_summary.md"),
        ["GITHUB_OUTPUT"] = Path.Combine(_dir.Path, "github_output"),
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "owner/repo",
        ["GITHUB_RUN_ID"] = "123",
    };

    private static string[] FailingProductionCheck(params string[] more) =>
        ["check", "--context", "production", "--model", "guard:1.0", "--test-results", GuardClausesTrx, "--coverage", GuardClausesCoverage, .. more];

    public void Dispose() => _dir.Dispose();
}
