using Microsoft.Build.Framework;
using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>The gate task's transcript: coded errors naming the property or file, messages, result items.</summary>
public sealed class EvaluateQualityGatesTests : IDisposable
{
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly string PassingCoverage = Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml");
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RejectsAnAbbreviatedContextNamingTheProperty()
    {
        var run = NewRun();
        run.Set("Context", "prod");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0001", error.Code);
        Assert.Contains("QualityGatesContext", error.Message);
        Assert.Contains("'prod'", error.Message);
        Assert.Equal(RecordingBuildEngine.ProjectFile, error.File);
        Assert.Empty(run.Task.Results);
    }

    [Fact]
    public void RejectsAPercentWhereAFractionBelongs()
    {
        var run = NewRun().Threshold("MinTestPassRate", "95");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0003", error.Code);
        Assert.Contains("QualityGatesMinTestPassRate", error.Message);
    }

    [Fact]
    public void NamesTheMissingModelMetricsFile()
    {
        var run = NewRun();
        run.Set("ModelMetricsFile", "metrics/model.json");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG1001", error.Code);
        Assert.Equal(Path.Combine(_temp.Path, "metrics", "model.json"), Path.GetFullPath(error.File));
    }

    [Fact]
    public void RejectsAWordForASwitchNamingTheProperty()
    {
        var run = NewRun();
        run.Set("Strict", "yes");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0006", error.Code);
        Assert.Contains("QualityGatesStrict", error.Message);
    }

    [Theory]
    [InlineData("maybe", "", "QG0006", "QualityGatesCoverageReport is 'maybe', but it must be 'true' or 'false'.")]
    [InlineData("true", "", "QG0009", "QualityGatesCoverageReport is true, but the ReportGenerator package is not referenced")]
    public void ChecksTheCoverageReportSettingWithTheOthers(string value, string tool, string code, string message)
    {
        var run = NewRun();
        run.Set("CoverageReport", value);
        run.Task.CoverageReportTool = tool;
        run.Set("TestResultFiles", [PassingTrx]);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(message, error.Message);
        Assert.Equal(RecordingBuildEngine.ProjectFile, error.File);
        Assert.Empty(run.Task.Results);
    }

    [Fact]
    public void LogsOneErrorPerBadSetting()
    {
        var run = NewRun().Threshold("MinLineCoverage", "abc");
        run.Set("Context", "prod");
        run.Set("FailOnAnyTestFailure", "1");
        run.Set("Checks", ["Tests", "Lint"]);

        Assert.False(run.Execute());

        // In the catalogue's order, the order of docs/settings.md.
        Assert.Equal(["QG0001", "QG0009", "QG0006", "QG0002"], run.Engine.ErrorCodes);
    }

    [Fact]
    public void ABadKeepReportsIsASettingErrorNamingTheProperty()
    {
        var run = NewRun();
        run.Set("KeepReports", "all");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0009", error.Code);
        Assert.StartsWith("QualityGatesKeepReports is 'all', but it must be a whole number", error.Message);
    }

    [Fact]
    public void FailsCoverageBelowTheProductionMinimumWithOneCodedError()
    {
        var run = NewRun();
        run.Set("Context", "production");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [PassingCoverage]);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2002", error.Code);
        Assert.Contains("production", error.Message);
        Assert.Equal("Failed", run.Result("coverage.line").GetMetadata("Status"));
        Assert.Equal("Passed", run.Result("tests.pass_rate").GetMetadata("Status"));
    }

    [Fact]
    public void PassesWithoutErrorsAndReturnsOneItemPerCheck()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [PassingCoverage]);

        Assert.True(run.Execute());

        Assert.Empty(run.Engine.Errors);
        var tests = run.Result("tests.pass_rate");
        Assert.Equal("tests.pass_rate", tests.GetMetadata("Gate"));
        Assert.Equal("Passed", tests.GetMetadata("Status"));
        Assert.Equal("1", tests.GetMetadata("Value"));
        Assert.Equal("0.8", tests.GetMetadata("Threshold"));
        Assert.Equal(string.Empty, tests.GetMetadata("Code"));
        var coverage = run.Result("coverage.line");
        // 2518 of 3359 lines: the engine computes the rate from the counts.
        Assert.Equal((2518d / 3359).ToString("R", System.Globalization.CultureInfo.InvariantCulture), coverage.GetMetadata("Value"));
        Assert.Equal("0.6", coverage.GetMetadata("Threshold"));
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.High), m => m.Contains("Quality gates") && m.Contains("PASSED"));
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.Normal), m => m.StartsWith("PASS tests.pass_rate", StringComparison.Ordinal));
    }

    [Fact]
    public void FailsOnAnyFailedTestWithOneErrorWhenAskedTo()
    {
        var run = NewRun().BlockedByAnyTestFailure();

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2012", error.Code);
        Assert.Contains("3 of 962 tests failed", error.Message);
        Assert.Equal("Passed", run.Result("tests.pass_rate").GetMetadata("Status"));
        // A check of its own: its row, its item and a blocked verdict.
        var anyFailure = run.Result("tests.any_failure");
        Assert.Equal(("Failed", "3", "0", "QG2012"), (anyFailure.GetMetadata("Status"), anyFailure.GetMetadata("Value"),
            anyFailure.GetMetadata("Threshold"), anyFailure.GetMetadata("Code")));
        Assert.Equal("false", run.Task.AllPassed);
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.High), m => m.Contains("tests.any_failure"));
    }

    [Fact]
    public void PassesARunWithAFewFailedTestsWhenThePassRateMeetsTheContext()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [FailSkipTrx]);

        Assert.True(run.Execute());

        Assert.Empty(run.Engine.Errors);
    }

    [Fact]
    public void EchoesEveryInputAtLowImportanceWithOnePrefix()
    {
        var run = NewRun().Threshold("MinLineCoverage", "0.85");
        run.Set("Context", "staging");
        run.Set("Registry", "postgresql://ci:secret@db.example.com/qg");

        run.Execute();

        var inputs = run.Engine.MessagesAt(MessageImportance.Low).Where(m => m.StartsWith("[input] ", StringComparison.Ordinal)).ToList();
        Assert.Contains("[input] QualityGatesContext=staging", inputs);
        Assert.Contains("[input] QualityGatesMinLineCoverage=0.85", inputs);
        Assert.DoesNotContain(inputs, i => i.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(run.Engine.MessagesAt(MessageImportance.Low), m => m.StartsWith("[timing] quality gates took ", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOldPropertyNameStillGatesWithWarningQG0030OnTheProject()
    {
        var run = NewRun().Passing().Threshold("MinCodeCoverage", "0.99");

        Assert.False(run.Execute());

        var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "QG0030");
        Assert.Equal("QualityGatesMinCodeCoverage is deprecated; use QualityGatesMinLineCoverage instead (the old name still works).", warning.Message);
        Assert.Equal(RecordingBuildEngine.ProjectFile, warning.File);
        Assert.Equal(["QG2002"], run.Engine.ErrorCodes);
    }

    [Fact]
    public void AnItemTheCatalogueDoesNotKnowIsAnError()
    {
        var run = NewRun().Passing();
        var item = new Microsoft.Build.Utilities.TaskItem("QualityGatesMinCodeCoverag");
        item.SetMetadata("Value", "0.5");
        run.Task.Settings = [.. run.Task.Settings, item];

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0009", error.Code);
        Assert.Contains("'QualityGatesMinCodeCoverag' is not a quality gates setting", error.Message);
    }

    [Fact]
    public void TakesTheNewestTrxOfThisRunWhenTheUsersLoggerWroteIt()
    {
        var results = Directory.CreateDirectory(Path.Combine(_temp.Path, "TestResults")).FullName;
        var stale = Path.Combine(results, "old.trx");
        File.Copy(FailSkipTrx, stale);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        var fresh = Path.Combine(results, "user.trx");
        File.Copy(PassingTrx, fresh);
        File.SetLastWriteTimeUtc(fresh, DateTime.UtcNow);
        var run = NewRun();
        run.Set("Context", "production");
        run.Set("Checks", ["Tests"]);
        run.Task.RunResultsDirectory = results;
        run.Task.RunStartedUtc = DateTime.UtcNow.AddMinutes(-1).ToString("o");

        Assert.True(run.Execute(), string.Join("\n", run.Engine.Errors.Select(e => e.Code + " " + e.Message)));

        Assert.Equal("1", run.Result("tests.pass_rate").GetMetadata("Value"));
        var read = Assert.Single(run.Engine.MessagesAt(MessageImportance.Normal), m => m.StartsWith("QualityGates input: ", StringComparison.Ordinal));
        Assert.Matches(@"^QualityGates input: TRX .*user\.trx: \d+ results, 0 failed$", read);
    }

    [Fact]
    public void ReportsAMissingTrxOfThisRunAsNoFileWritten()
    {
        var run = NewRun();
        run.Task.RunResultsDirectory = Path.Combine(_temp.Path, "TestResults");
        run.Task.RunStartedUtc = DateTime.UtcNow.ToString("o");

        Assert.False(run.Execute());

        Assert.Equal(["QG1010"], run.Engine.ErrorCodes);
    }

    [Fact]
    public void SplitsAListGivenAsOneEscapedCommandLineValue()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("Checks", ["Tests;Coverage"]);
        run.Set("TestResultFiles", [PassingTrx]);

        Assert.True(run.Execute());

        Assert.Equal(["tests.pass_rate", "coverage.line"], run.Task.Results.Select(r => r.ItemSpec));
    }

    [Fact]
    public void ReadsOnlyTheCoberturaReportsOfCoverletMSBuild()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Task.RunCoverageFiles = [Path.Combine(_temp.Path, "coverage.json"), PassingCoverage];

        Assert.True(run.Execute());

        Assert.Equal("Passed", run.Result("coverage.line").GetMetadata("Status"));
    }

    [Fact]
    public void RunsModelAndSecurityChecksOnlyWhenTheirFilesAreNamed()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [PassingCoverage]);

        Assert.True(run.Execute());

        Assert.Equal(["tests.pass_rate", "coverage.line"], run.Task.Results.Select(r => r.ItemSpec));
    }

    [Fact]
    public void ANamedScanAddsTheSecurityChecks()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [PassingCoverage]);
        run.Set("SecurityScanFiles", [Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden")]);

        Assert.False(run.Execute());

        Assert.Equal(["tests.pass_rate", "coverage.line", "security.critical", "security.high", "security.medium"], run.Task.Results.Select(r => r.ItemSpec));
        Assert.Equal(["QG2009"], run.Engine.ErrorCodes);
    }

    [Fact]
    public void AllBringsBackEveryCheck()
    {
        var run = NewRun();
        run.Set("Context", "development");
        run.Set("Checks", ["All"]);
        run.Set("TestResultFiles", [PassingTrx]);
        run.Set("CoverageFiles", [PassingCoverage]);

        Assert.True(run.Execute());

        Assert.Equal(10, run.Task.Results.Length);
        Assert.Equal(8, run.Task.Results.Count(r => r.GetMetadata("Status") == "Skipped"));
    }

    [Fact]
    public void CoverageStatMinimumLogsOneErrorPerAssemblyBelowTheMinimum()
    {
        // Taranis.EDlib 83.4% and Taranis.EDlib.Mock 27.3% of lines: only the second is below 50%.
        var run = NewRun().Threshold("MinCodeCoverage", "0.5");
        run.Set("CoverageStat", "minimum");
        run.Set("Checks", ["Coverage"]);
        run.Set("CoverageFiles", [Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.cobertura.xml")]);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2025", error.Code);
        Assert.StartsWith("Line coverage of assembly Taranis.EDlib.Mock 27.", error.Message);
    }

    [Fact]
    public void AnUnknownCoverageStatIsASettingErrorNamingTheProperty()
    {
        var run = NewRun();
        run.Set("CoverageStat", "Average");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0009", error.Code);
        Assert.StartsWith("QualityGatesCoverageStat is 'Average', which is not a coverage statistic", error.Message);
    }

    private TaskRun NewRun() => new(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
}
