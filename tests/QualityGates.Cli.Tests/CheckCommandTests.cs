using System.Text.Json;

namespace QualityGates.Cli.Tests;

public class CheckCommandTests
{
    private static readonly string GuardClausesTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string GuardClausesCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");

    [Fact]
    public void PassesUnderDevelopmentWithTheFixtureCounts()
    {
        var run = CliRun.Of("check", "--context", "development", "--model", "guard:1.0",
            "--test-results", GuardClausesTrx, "--min-line-coverage", "0.4", "--coverage", GuardClausesCoverage);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tests.pass_rate", run.Output);
        Assert.Contains("99.7%", run.Output); // 959 of 962 executed
        Assert.Contains("49.9%", run.Output); // 295 of 591 lines
        Assert.Empty(run.ErrorCodes);
    }

    [Fact]
    public void AnOldOptionNameStillWorksWithWarningQG0030()
    {
        var run = CliRun.Of("check", "--context", "development", "--test-results", GuardClausesTrx, "--coverage", GuardClausesCoverage, "--min-code-coverage", "0.4");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("QG0030", run.WarningCodes[0]);
        Assert.Contains("warning QG0030 : --min-code-coverage is deprecated; use --min-line-coverage instead (the old name still works).", run.Error);
    }

    [Fact]
    public void EveryBadOptionIsOneErrorBeforeAnythingIsJudged()
    {
        var run = CliRun.Of("check", "--context", "prod", "--test-results", GuardClausesTrx, "--new-code-diff", "Both", "--max-waiver-days", "2147483647");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0001", "QG0011", "QG0003"], run.ErrorCodes);
        Assert.Contains("--max-waiver-days is 2147483647, but it must be a whole number from 0 to 3650.", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void FailsUnderProductionWithOneErrorPerFailedGate()
    {
        var run = CliRun.Of("check", "--context", "production", "--test-results", GuardClausesTrx, "--coverage", GuardClausesCoverage);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2002"], run.ErrorCodes);
        Assert.Contains("Line coverage 49.9% is below the production minimum of 90.0% (295 of 591 lines covered)", run.Error);
    }

    [Fact]
    public void AWaiverNamedWithWaiversLetsTheFailedCheckThroughAsWaived()
    {
        using var dir = new TempDirectory();
        var expires = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var waivers = dir.Write("waivers.json", $$"""
            { "waivers": [ { "gate": "coverage.line", "owner": "alice@example.com", "reason": "legacy module being rewritten", "expires": "{{expires}}" } ] }
            """);

        var run = CliRun.Of("check", "--context", "production", "--test-results", GuardClausesTrx, "--coverage", GuardClausesCoverage,
            "--waivers", waivers, "--warn-test-pass-rate", "0.999");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorCodes);
        Assert.Contains($"warning QG2021 : coverage.line: Line coverage 49.9% is below the production minimum of 90.0% (295 of 591 lines covered) — waived by alice@example.com until {expires}", run.Error);
        Assert.Contains("warning QG2018 : tests.pass_rate:", run.Error);
        Assert.Contains("WAIVED", run.Output + run.Error);
    }

    [Fact]
    public void JsonPutsOnlyTheReportOnStdout()
    {
        var run = CliRun.Of("check", "--context", "production", "--checks", "tests", "--model", "veran:v6.2", "--test-results", GuardClausesTrx, "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("veran", json.RootElement.GetProperty("modelName").GetString());
        Assert.Equal("production", json.RootElement.GetProperty("context").GetString());
        Assert.True(json.RootElement.GetProperty("allPassed").GetBoolean());
        Assert.Equal(964, json.RootElement.GetProperty("metrics").GetProperty("tests").GetProperty("total").GetInt32());
        Assert.Contains("tests.pass_rate", run.Error);
    }

    [Fact]
    public void SeveralTrxFilesAndGlobsMergeIntoOneResult()
    {
        var run = CliRun.Of("check", "--context", "production", "--checks", "tests", "--test-results", Fixtures.Path("trx", "stateless-multitfm_*.trx"), "--json");

        using var json = JsonDocument.Parse(run.Output);
        var tests = json.RootElement.GetProperty("metrics").GetProperty("tests");
        Assert.Equal(766, tests.GetProperty("total").GetInt32());
        Assert.Equal(766, tests.GetProperty("passed").GetInt32());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void ListsEveryFileAGlobMatchedWithWhatItContributed()
    {
        var run = CliRun.Of("check", "--context", "production", "--checks", "tests", "--test-results", Fixtures.Path("trx", "stateless-multitfm_*.trx"));

        Assert.Equal(0, run.ExitCode);
        var inputs = run.Output.Split('\n').Where(l => l.StartsWith("QualityGates input: ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Contains(inputs, l => l.StartsWith("QualityGates input: TRX ", StringComparison.Ordinal) && l.EndsWith("stateless-multitfm_net8.0_20261126074954.trx: 383 results, 0 failed", StringComparison.Ordinal));
        Assert.Contains(inputs, l => l.EndsWith("stateless-multitfm_net10.0_20261126075008.trx: 383 results, 0 failed", StringComparison.Ordinal));
    }

    [Fact]
    public void ACriticalFindingFailsTheSecurityGate()
    {
        var run = CliRun.Of("check", "--context", "staging", "--security-scan", Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2009"], run.ErrorCodes);
    }

    [Fact]
    public void FailOnAnyTestFailureIsACheckWithItsOwnCodeAndJsonEntry()
    {
        var run = CliRun.Of("check", "--context", "development", "--test-results", GuardClausesTrx, "--fail-on-any-test-failure", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2012"], run.ErrorCodes);
        Assert.Contains("error QG2012 : tests.any_failure: 3 of 962 tests failed", run.Error);
        using var report = JsonDocument.Parse(run.Output);
        Assert.False(report.RootElement.GetProperty("allPassed").GetBoolean());
        var check = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("gate").GetString() == "tests.any_failure");
        Assert.Equal(("failed", "QG2012"), (check.GetProperty("status").GetString(), check.GetProperty("code").GetString()));
    }

    [Fact]
    public void ApproveOnPassRecordsThePassingRunInTheRegistry()
    {
        using var dir = new TempDirectory();
        var registry = Path.Combine(dir.Path, "registry");

        var run = CliRun.Of("check", "--context", "development", "--model", "veran:v6.2", "--test-results", GuardClausesTrx,
            "--report-dir", Path.Combine(dir.Path, "reports"), "--approve-on-pass", "--approved-by", "qa@example.com", "--registry", registry);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(File.ReadAllLines(Path.Combine(registry, "veran.jsonl")));
        Assert.Contains("\"kind\":\"approved\"", line);
        Assert.Contains("\"by\":\"qa@example.com\"", line);
    }

    [Fact]
    public void StrictModeFailsMissingInputs()
    {
        var run = CliRun.Of("check", "--context", "development", "--strict", "--test-results", GuardClausesTrx);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("QG2002", run.ErrorCodes);
        Assert.Contains("strict mode", run.Error);
    }

    [Fact]
    public void WritesTheJUnitFileAndTheReportFolder()
    {
        using var dir = new TempDirectory();
        var junit = Path.Combine(dir.Path, "out", "gates.xml");
        var reports = Path.Combine(dir.Path, "reports");

        var run = CliRun.Of("check", "--context", "production", "--test-results", GuardClausesTrx, "--coverage", GuardClausesCoverage,
            "--junit", junit, "--report-dir", reports);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("<failure", File.ReadAllText(junit));
        Assert.True(File.Exists(Path.Combine(reports, "junit-gates.xml")));
        Assert.Single(Directory.GetFiles(reports, "report-*.json"));
    }

    [Theory]
    [InlineData(new[] { "check", "--context", "prod" }, "QG0001")]
    [InlineData(new[] { "check", "--min-test-pass-rate", "95" }, "QG0003")]
    [InlineData(new[] { "check", "--model", "veran" }, "QG0005")]
    [InlineData(new[] { "check", "--model", "../etc:passwd" }, "QG0005")]
    [InlineData(new[] { "check", "--metrics", "does-not-exist.json" }, "QG1001")]
    [InlineData(new[] { "check", "--bogus" }, "QG4001")]
    [InlineData(new[] { "check" }, "QG4003")]
    [InlineData(new[] { "check", "--checks", "all", "--context", "production" }, "QG4003")]
    [InlineData(new[] { "check", "--checks", "tests;lint", "--test-results", "a.trx" }, "QG0009")]
    [InlineData(new[] { "check", "--keep-reports", "-1", "--test-results", "a.trx" }, "QG0009")]
    [InlineData(new[] { "check", "--context", "production", "--warn-new-code-coverage", "0.85", "--test-results", "a.trx" }, "QG0014")]
    public void BadUsageOrInputExitsTwoWithACodedError(string[] args, string code)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.ErrorCodes);
        Assert.DoesNotContain("   at ", run.Error); // no stack trace
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void KeepReportsKeepsOnlyTheNewestTimestampedReports()
    {
        using var dir = new TempDirectory();
        var reports = Path.Combine(dir.Path, "reports");
        Directory.CreateDirectory(reports);
        var old = Path.Combine(reports, "report-20200101T000000000Z-0123abcd.json");
        File.WriteAllText(old, "{}");
        var mine = Path.Combine(reports, "report-notes.json");
        File.WriteAllText(mine, "{}");

        var run = CliRun.Of("check", "--checks", "tests", "--test-results", GuardClausesTrx, "--report-dir", reports, "--keep-reports", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(Path.Combine(reports, "latest.json")));
        Assert.Equal(2, Directory.GetFiles(reports, "report-*.json").Length); // this run's and the user's own file
    }

    [Fact]
    public void AKeepReportsThatIsNotANumberNamesTheOption()
    {
        var run = CliRun.Of("check", "--test-results", GuardClausesTrx, "--keep-reports", "ten");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0009"], run.ErrorCodes);
        Assert.Contains("--keep-reports is 'ten', but it must be a whole number", run.Error);
    }

    [Fact]
    public void AMalformedInputNamesTheFileAndLine()
    {
        using var dir = new TempDirectory();
        var trx = dir.Write("broken.trx", "<?xml version=\"1.0\"?>\n<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n<Results>\n");

        var run = CliRun.Of("check", "--test-results", trx);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG1003"], run.ErrorCodes);
        Assert.Contains(trx, run.Error);
    }

    [Fact]
    public void PrintsOneSummaryLineWithTheToleratedFailuresAndOnlyTheDefaultGroups()
    {
        var run = CliRun.Of("check", "--context", "staging", "--test-results", GuardClausesTrx);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("QualityGates: PASSED (staging) · tests 959/962 (99.7% ≥ 95.0%, 3 failed tests tolerated) · skipped: line coverage (no coverage results were given)"
            + Environment.NewLine, run.Output);
        Assert.Equal(["QG2013"], run.WarningCodes);
        Assert.Empty(run.ErrorCodes);
        Assert.DoesNotContain("model.", run.Output);
        Assert.DoesNotContain("security.", run.Output);
    }
}
