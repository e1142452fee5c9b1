using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// A retried test counts once, by its last attempt, and is flaky when it failed and then passed: across the
/// attempt files of Microsoft.Testing.Platform's retry extension, and within a file that shows a test's attempts.
/// </summary>
public sealed class TrxRetriedTestsTests : IDisposable
{
    private const string MtpName = "runner@ci-host 2026-08-21 14:02:00.000";
    private static readonly string CaseRoot = Fixtures.Case("t05-mtp-retry-attempts", "results");
    private static readonly string[] CaseFiles =
    [
        Path.Combine(CaseRoot, "Retries", "kq4z2m8w", "1", "Shop.Tests_net10.0_x64.trx"),
        Path.Combine(CaseRoot, "Retries", "kq4z2m8w", "2", "Shop.Tests_net10.0_x64.trx"),
        Path.Combine(CaseRoot, "Retries", "kq4z2m8w", "3", "Shop.Tests_net10.0_x64.trx"),
        Path.Combine(CaseRoot, "Shop.Tests_net10.0_x64.trx"),
    ];

    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TheAttemptsOfARetriedRunAreOneRunByEachTestsLastAttempt()
    {
        var run = reader.ReadAll(CaseFiles);

        Assert.Equal((5, 4, 0, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(1.0, run.PassRate);
        Assert.Empty(run.FailedTests);
        Assert.Equal(2, run.Flaky);
        Assert.Equal([("ChargesCard", 2), ("SendsReceipt", 3)], run.FlakyTests.Select(f => (f.Name, f.Attempts)));
    }

    [Fact]
    public void TheAttemptOrderComesFromTheFilesNotFromTheOrderGiven()
    {
        var run = reader.ReadAll([CaseFiles[3], CaseFiles[1], CaseFiles[0]]);

        Assert.Equal((5, 4, 0, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(2, run.Flaky);
    }

    [Fact]
    public void EachFileIsARowThatSaysWhatItAdded()
    {
        var files = new List<InputFileRead>();
        var warnings = new DiagnosticBag();

        var run = ResultFileMerge.Tests(reader.ReadFiles(CaseFiles), files, warnings);

        Assert.Empty(warnings);
        Assert.Equal(4, run.Passed);
        Assert.Equal("5 results, 0 failed, 2 flaky (a retried run: 3 attempts, each test counted by its last)", files[0].Contribution);
        Assert.Equal("attempt 2 of the retried run, merged into its first attempt", files[1].Contribution);
        Assert.Equal(Path.GetFullPath(CaseFiles[0]), files[1].SameAs);
        Assert.Equal(InputFileRead.CopyContribution, files[3].Contribution);
    }

    [Fact]
    public void ATestStillFailingOnItsLastAttemptIsFailedOnceWithThatAttemptsMessage()
    {
        var run = reader.ReadAll(CaseFiles.Take(2));

        Assert.Equal((5, 3, 1, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        var failed = Assert.Single(run.FailedTests);
        Assert.Equal("SendsReceipt", failed.Name);
        Assert.Equal(CaseFiles[1], failed.SourceFile);
        Assert.Equal(["ChargesCard"], run.FlakyTests.Select(f => f.Name));
    }

    [Fact]
    public void FilesSharingARunIdThatAreNotRetriesStillCountApart()
    {
        // The second file holds a test that passed in the first: no retry re-runs it, so these are two runs.
        var first = WriteMtp("a.trx", "2026-08-21T14:02:00", ("1", "A", "Passed"), ("2", "B", "Failed"));
        var second = WriteMtp("b.trx", "2026-08-21T14:03:00", ("1", "A", "Passed"), ("2", "B", "Passed"));
        var warnings = new DiagnosticBag();

        var run = ResultFileMerge.Tests(reader.ReadFiles([first, second]), [], warnings);

        Assert.Equal((4, 3, 1), (run.Total, run.Passed, run.Failed));
        Assert.Equal(0, run.Flaky);
        Assert.Equal(ErrorCodes.TestRunIdSharedByDifferentFiles, Assert.Single(warnings).Code);
    }

    [Fact]
    public void TheFlakyCheckIsSkippedWithoutAMaximumAndFailsAboveIt()
    {
        var inputs = new GateInputs { Tests = reader.ReadAll(CaseFiles) };

        var unset = Run(DeploymentContext.Development, inputs);
        var failed = Run(DeploymentContext.Development, inputs, thresholds: GateThresholds.For(DeploymentContext.Development) with { MaxFlakyTests = 1 })
            .Check(GateNames.FlakyTests);
        var passed = Run(DeploymentContext.Production, inputs, thresholds: GateThresholds.For(DeploymentContext.Production) with { MaxFlakyTests = 2 })
            .Check(GateNames.FlakyTests);

        Assert.DoesNotContain(unset.Checks, c => c.Gate == GateNames.FlakyTests);
        Assert.Equal(GateStatus.Passed, unset.Check(GateNames.TestPassRate).Status);
        Assert.Equal((GateStatus.Failed, 2.0, 1.0, ErrorCodes.FlakyTestsAboveMaximum), (failed.Status, failed.Value, failed.Threshold, failed.Code));
        Assert.Equal("2 flaky tests (failed, then passed on a retry) exceed the development maximum of 1: ChargesCard, SendsReceipt", failed.Message);
        Assert.Equal(GateStatus.Passed, passed.Status);
    }

    [Fact]
    public void AMaximumOfFlakyTestsIsAThresholdLikeTheOthers()
    {
        var thresholds = ThresholdCatalog.Apply(GateThresholds.For(DeploymentContext.Staging), "MaxFlakyTests", "3", "QualityGatesMaxFlakyTests");

        Assert.Equal(3, thresholds.MaxFlakyTests);
        Assert.Null(GateThresholds.For(DeploymentContext.Production).MaxFlakyTests);
        Assert.Equal(ErrorCodes.ThresholdOutOfRange,
            Assert.Throws<QualityGatesException>(() => ThresholdCatalog.Apply(thresholds, "MaxFlakyTests", "-1", "QualityGatesMaxFlakyTests")).Code);
    }

    [Fact]
    public void AttemptsShownWithinOneFileCountOnceByTheLast()
    {
        // A writer that reports each attempt of a retried test: same test id and name, a failure, then the retry.
        var path = temp.Write("inline.trx", VSTestTrx(
            Result("1", "Flaky", "Failed", "10:00:01") + Result("1", "Flaky", "Passed", "10:00:02")
            + Result("2", "Steady", "Passed", "10:00:03")
            + Result("3", "Broken", "Failed", "10:00:04") + Result("3", "Broken", "Failed", "10:00:05"),
            TrxText.Counters(5, 5, 2, 3)));

        var run = reader.Read(path);

        Assert.Equal((3, 2, 1), (run.Total, run.Passed, run.Failed));
        Assert.Equal(["Broken"], run.FailedTests.Select(f => f.Name));
        Assert.Equal([("Flaky", 2)], run.FlakyTests.Select(f => (f.Name, f.Attempts)));
    }

    [Fact]
    public void AttemptsAreOrderedByStartTimeWhereTheFileListsThemOutOfOrder()
    {
        // VSTest writes its results in hash order, so the passing retry can come first in the file.
        var path = temp.Write("unordered.trx", VSTestTrx(
            Result("1", "Flaky", "Passed", "10:00:02") + Result("1", "Flaky", "Failed", "10:00:01"),
            TrxText.Counters(2, 2, 1, 1)));

        var run = reader.Read(path);

        Assert.Equal((1, 1, 0), (run.Total, run.Passed, run.Failed));
        Assert.Empty(run.FailedTests);
        Assert.Equal(1, run.Flaky);
    }

    [Theory]
    [InlineData("Passed", "Failed")] // a pass is never retried: two results
    [InlineData("Passed", "Passed")]
    public void RepeatsThatNoRetryWouldWriteStayTwoResults(string first, string second)
    {
        var path = temp.Write("repeat.trx", VSTestTrx(Result("1", "Same", first, "10:00:01") + Result("1", "Same", second, "10:00:02"), null));

        var run = reader.Read(path);

        Assert.Equal(2, run.Total);
        Assert.Equal(0, run.Flaky);
    }

    [Fact]
    public void RowsOfOneTestIdWithOtherNamesAreDataRowsNotAttempts()
    {
        // xunit gives the rows of a theory it cannot enumerate one shared test id; their names differ.
        var path = temp.Write("theory.trx", VSTestTrx(Result("1", "Theory(x: 1)", "Failed", "10:00:01") + Result("1", "Theory(x: 2)", "Passed", "10:00:02"), null));

        var run = reader.Read(path);

        Assert.Equal((2, 1, 1), (run.Total, run.Passed, run.Failed));
        Assert.Equal(0, run.Flaky);
    }

    private string WriteMtp(string file, string start, params (string Id, string Name, string Outcome)[] results)
    {
        var rows = string.Concat(results.Select(r => Result(r.Id, r.Name, r.Outcome, start[11..])));
        var passed = results.Count(r => r.Outcome == "Passed");
        var failed = results.Count(r => r.Outcome == "Failed");
        return temp.Write(file, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="5f3e9a41-7c2b-4d8e-9a10-00000000aaaa" name="{MtpName}" xmlns="{TrxText.Namespace}">
              <Times creation="{start}Z" start="{start}Z" finish="{start}Z" />
              <Results>
            {rows}
              </Results>
              <ResultSummary outcome="Failed"><Counters {TrxText.Counters(results.Length, passed + failed, passed, failed)} /></ResultSummary>
            </TestRun>
            """);
    }

    private static string VSTestTrx(string results, string? counters) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="{Guid.NewGuid()}" name="runner@ci-host 2026-08-21 10:00:00" xmlns="{TrxText.Namespace}">
          <Results>
        {results}
          </Results>
          {(counters is null ? string.Empty : $"""<ResultSummary outcome="Failed"><Counters {counters} /></ResultSummary>""")}
        </TestRun>
        """;

    private static string Result(string id, string name, string outcome, string time) =>
        $"""    <UnitTestResult testId="c0000000-0000-4000-8000-00000000000{id}" testName="{name}" outcome="{outcome}" duration="00:00:00.1000000" startTime="2026-08-21T{time}Z" />""" + "\n";
}
