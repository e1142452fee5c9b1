using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>Every TRX outcome counts as passed, failed or skipped; pass rate uses passed and failed only.</summary>
public sealed class TrxReaderOutcomeTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Passed", 1, 0, 0)]
    [InlineData("PassedButRunAborted", 1, 0, 0)]
    [InlineData("Failed", 0, 1, 0)]
    [InlineData("Error", 0, 1, 0)]
    [InlineData("Timeout", 0, 1, 0)]
    [InlineData("Aborted", 0, 1, 0)]
    [InlineData("NotExecuted", 0, 0, 1)]
    [InlineData("Inconclusive", 0, 0, 1)]
    [InlineData("Pending", 0, 0, 1)]
    [InlineData("Disconnected", 0, 0, 1)]
    [InlineData("Warning", 0, 0, 1)]
    [InlineData("Completed", 0, 0, 1)]
    [InlineData("InProgress", 0, 0, 1)]
    [InlineData("NotRunnable", 0, 0, 1)]
    public void CountsEachOutcomeOnce(string outcome, int passed, int failed, int skipped)
    {
        var path = temp.Write("one.trx", TrxText.Run(TrxText.Result("A.Test", outcome), counters: null));

        var run = reader.Read(path);

        Assert.Equal((1, passed, failed, skipped), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(failed, run.FailedTests.Count);
    }

    [Fact]
    public void ChecksErrorAndTimeoutAgainstTheirOwnCountersNotFailed()
    {
        // mstest.exe-style counters: "failed" is only the outcome Failed; errors and timeouts have their own.
        var results = string.Join('\n', TrxText.Result("A.Errs", "Error"), TrxText.Result("A.Hangs", "Timeout"), TrxText.Result("A.Ok", "Passed"));
        var counters = """total="3" executed="3" passed="1" failed="0" error="1" timeout="1" """;
        var path = temp.Write("legacy.trx", TrxText.Run(results, counters, outcome: "Failed"));

        var run = reader.Read(path);

        Assert.Equal((3, 1, 2, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
    }

    [Fact]
    public void ReadsSkippedAsTotalMinusExecutedWhenNotExecutedCounterStaysZero()
    {
        var results = string.Join('\n', TrxText.Result("A.Skip", "NotExecuted"), TrxText.Result("A.Ok", "Passed"));
        var path = temp.Write("skip.trx", TrxText.Run(results, TrxText.Counters(total: 2, executed: 1, passed: 1, failed: 0)));

        var run = reader.Read(path);

        Assert.Equal((2, 1, 0, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(1.0, run.PassRate);
    }

    [Fact]
    public void ReadsAFileWithoutResultSummaryWithoutCrossCheck()
    {
        var path = temp.Write("nosummary.trx", TrxText.Run(TrxText.FailedResult("A.Bad", "boom"), counters: null));

        var run = reader.Read(path);

        Assert.Equal((1, 0, 1, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.False(run.Aborted);
        Assert.Equal(TimeSpan.FromSeconds(10), run.Duration);
    }

    [Fact]
    public void TreatsAnEmptyCompletedRunAsNotAborted()
    {
        var path = temp.Write("none.trx", TrxText.Run(string.Empty, TrxText.Counters(0, 0, 0, 0)));

        var run = reader.Read(path);

        Assert.Equal(0, run.Total);
        Assert.False(run.Aborted);
    }

    [Fact]
    public void TreatsAnAbortedRunOutcomeAsAbortedEvenWithResults()
    {
        var path = temp.Write("aborted.trx", TrxText.Run(TrxText.Result("A.Ok", "Passed"), TrxText.Counters(1, 1, 1, 0), outcome: "Aborted"));

        var run = reader.Read(path);

        Assert.True(run.Aborted);
        Assert.Equal(1, run.Passed);
    }
}
