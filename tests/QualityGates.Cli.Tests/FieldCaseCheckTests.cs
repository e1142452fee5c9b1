using System.Text.Json;
using QualityGates.Testing;

namespace QualityGates.Cli.Tests;

/// <summary><c>qualitygates check</c> on the field cases of tests/fixtures/cases and the options they brought.</summary>
public sealed class FieldCaseCheckTests
{
    [Fact]
    public void TheMtpTimeoutCaseIsReadAndFailsTheDevelopmentPassRate()
    {
        var run = CliRun.Of("check", "--context", "development", "--test-results", Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2001"], run.ErrorCodes);
        Assert.Contains("50.0%", run.Error);
    }

    [Fact]
    public void TheBaselineComparedSarifCountsOneHighFinding()
    {
        var run = CliRun.Of("check", "--context", "development", "--security-scan",
            Fixtures.Case("s01-sarif-baselinestate-absent", "baseline-compared.sarif"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var security = json.RootElement.GetProperty("metrics").GetProperty("security");
        Assert.Equal(1, security.GetProperty("high").GetInt32());
        Assert.Equal(1, security.GetProperty("total").GetInt32());
    }

    [Fact]
    public void TheTwoSourceCoverageCaseMergesToEightOfEightLines()
    {
        var run = CliRun.Of("check", "--context", "production", "--coverage",
            Fixtures.Case("c01-cobertura-two-sources", "app-tests.cobertura.xml"),
            "--coverage", Fixtures.Case("c01-cobertura-two-sources", "app-mscc.cobertura.xml"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var coverage = json.RootElement.GetProperty("metrics").GetProperty("coverage");
        Assert.Equal(8, coverage.GetProperty("linesCovered").GetInt32());
        Assert.Equal(8, coverage.GetProperty("linesValid").GetInt32());
    }

    [Fact]
    public void TheVSTest189DataDrivenCaseIsReadAndPassesDevelopment()
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--test-results",
            Fixtures.Case("t04-vstest-datadriven-counters", "datadriven-vstest189.trx"));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorCodes);
        using var json = JsonDocument.Parse(run.Output);
        var tests = json.RootElement.GetProperty("metrics").GetProperty("tests");
        Assert.Equal((2, 2, 0), (tests.GetProperty("total").GetInt32(), tests.GetProperty("passed").GetInt32(), tests.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public void TheRetriedRunCountsEachTestByItsLastAttemptAndGatesFlakiness()
    {
        var glob = Path.Combine(Fixtures.Case("t05-mtp-retry-attempts"), "results", "**", "*.trx");

        var ungated = CliRun.Of("check", "--context", "development", "--json", "--test-results", glob);
        var gated = CliRun.Of("check", "--context", "development", "--json", "--test-results", glob, "--max-flaky-tests", "1");

        Assert.Equal(0, ungated.ExitCode);
        Assert.Empty(ungated.WarningCodes);
        using var json = JsonDocument.Parse(ungated.Output);
        var tests = json.RootElement.GetProperty("metrics").GetProperty("tests");
        Assert.Equal((5, 4, 0, 1, 2), (tests.GetProperty("total").GetInt32(), tests.GetProperty("passed").GetInt32(),
            tests.GetProperty("failed").GetInt32(), tests.GetProperty("skipped").GetInt32(), tests.GetProperty("flaky").GetInt32()));
        Assert.Equal(["ChargesCard", "SendsReceipt"], tests.GetProperty("flakyTests").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(1, gated.ExitCode);
        Assert.Equal(["QG2030"], gated.ErrorCodes);
    }

    [Theory]
    [InlineData("metrics.json", "failed", 1.0)]
    [InlineData("metrics-improved.json", "passed", -0.0952)]
    public void ANegativeBaselineRegressionKeepsItsSign(string file, string status, double value)
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--checks", "model",
            "--metrics", Fixtures.Case("m01-negative-baseline-quality", file), "--min-quality-score", "0");

        Assert.Equal(1, run.ExitCode); // model.quality_score fails either way: the score is below 0
        using var json = JsonDocument.Parse(run.Output);
        var regression = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("gate").GetString() == "model.regression");
        Assert.Equal(status, regression.GetProperty("status").GetString());
        Assert.Equal(value, regression.GetProperty("value").GetDouble(), 4);
    }

    [Fact]
    public void ThreeResultsOnOneLineAreThreeMediumFindings()
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--security-scan",
            Fixtures.Case("s08-sarif-same-line-three-columns", "scan-build.sarif"), "--max-medium-vulnerabilities", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2011"], run.ErrorCodes);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(3, json.RootElement.GetProperty("metrics").GetProperty("security").GetProperty("medium").GetInt32());
    }

    [Fact]
    public void TheKubernetesSummaryReportsCriticalFindingFailsTheGate()
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--security-scan",
            Fixtures.Case("s09-trivy-k8s-summary-findings", "cluster-summary.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2009"], run.ErrorCodes);
        Assert.Contains("CVE-2024-6387 in openssh-server", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFindingOfASecondSarifRunIsCreditedToItsOwnTool()
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--security-scan", Fixtures.Case("s10-sarif-two-runs", "combined.sarif"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2009"], run.ErrorCodes);
        Assert.Contains("(scan: CodeQL, Semgrep OSS): csharp.lang.security.ssrf.rest-client.ssrf at src/Api/WebhookRelay.cs:31:13 (found by Semgrep OSS)", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        var findings = json.RootElement.GetProperty("metrics").GetProperty("security").GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("severity").GetString(), f.GetProperty("tool").GetString()));
        Assert.Equal([("critical", "Semgrep OSS"), ("high", "CodeQL")], findings);
    }

    [Fact]
    public void TwoGcovrFilesOfOneTemplateMergeToEveryLineCovered()
    {
        var run = CliRun.Of("check", "--context", "production", "--checks", "coverage", "--json",
            "--coverage", Fixtures.Case("c02-gcovr-template-instances", "test_int.cobertura.xml"),
            "--coverage", Fixtures.Case("c02-gcovr-template-instances", "test_double.cobertura.xml"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var coverage = json.RootElement.GetProperty("metrics").GetProperty("coverage");
        Assert.Equal((3, 3), (coverage.GetProperty("linesCovered").GetInt32(), coverage.GetProperty("linesValid").GetInt32()));
    }

    [Fact]
    public void AFailedXunitTestNamedAbortedIsAFailedTestNotAnAbortedRun()
    {
        var run = CliRun.Of("check", "--context", "development", "--json", "--test-results",
            Fixtures.Case("t06-xunit-failed-test-named-aborted", "payments-xunit.trx"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var tests = json.RootElement.GetProperty("metrics").GetProperty("tests");
        Assert.False(tests.GetProperty("aborted").GetBoolean());
        Assert.Equal((11, 10, 1), (tests.GetProperty("total").GetInt32(), tests.GetProperty("passed").GetInt32(), tests.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public void TargetFrameworkGoesIntoTheJUnitNames()
    {
        using var dir = new TempDirectory();
        var junit = Path.Combine(dir.Path, "gates.xml");

        var run = CliRun.Of("check", "--context", "development", "--test-results", Fixtures.Path("trx", "stateless-multitfm_net10.0_20261126075008.trx"),
            "--target-framework", "net10.0", "--junit", junit);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("""name="tests.pass_rate (net10.0)" classname="QualityGates.development_net10_0" """, File.ReadAllText(junit), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbortedRunFailsUnlessAllowAbortedRunIsGiven()
    {
        using var dir = new TempDirectory();
        var trx = dir.Write("aborted.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="runner@vm 2026-11-26 08:03:35" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testName="A.One" outcome="Passed" duration="00:00:01" /></Results>
              <ResultSummary outcome="Failed">
                <Counters total="1" executed="1" passed="1" failed="0" />
                <RunInfos><RunInfo outcome="Error"><Text>The active test run was aborted. Reason: Test host process crashed</Text></RunInfo></RunInfos>
              </ResultSummary>
            </TestRun>
            """);

        var refused = CliRun.Of("check", "--context", "development", "--test-results", trx);
        var allowed = CliRun.Of("check", "--context", "development", "--test-results", trx, "--allow-aborted-run");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(["QG2001"], refused.ErrorCodes);
        Assert.Contains("Test host process crashed", refused.Error);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Empty(allowed.ErrorCodes);
    }
}
