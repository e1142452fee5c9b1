using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>ReadAll: several files, one run.</summary>
public sealed class TrxReaderMergeTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsAFileGivenTwiceOnce()
    {
        var path = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");

        var run = reader.ReadAll([path, path]);

        Assert.Equal(383, run.Total);
        Assert.Equal([path], run.SourceFiles);
    }

    [Fact]
    public void RefusesAnEmptyList()
    {
        Assert.Throws<ArgumentException>(() => reader.ReadAll([]));
    }

    [Fact]
    public void SumsCountsAndDurationsAndKeepsFailuresPerFile()
    {
        var first = temp.Write("a.trx", TrxText.Run(TrxText.FailedResult("A.Bad", "a &amp; b"), TrxText.Counters(1, 1, 0, 1), outcome: "Failed"));
        var secondResults = string.Join('\n', TrxText.Result("B.Ok", "Passed"), TrxText.Result("B.Skip", "NotExecuted"), TrxText.FailedResult("B.Bad", "b"));
        var second = temp.Write("b.trx", TrxText.Run(secondResults, TrxText.Counters(3, 2, 1, 1), outcome: "Failed"));

        var run = reader.ReadAll([first, second]);

        Assert.Equal((4, 1, 2, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(TimeSpan.FromSeconds(20), run.Duration);
        Assert.False(run.Aborted);
        Assert.Equal([first, second], run.SourceFiles);
        Assert.Equal(
            [new("A.Bad", "a & b", first, "   at A.Bad()"), new("B.Bad", "b", second, "   at B.Bad()")],
            run.FailedTests);
    }

    [Fact]
    public void IsAbortedWhenAnyFileAborted()
    {
        var good = Fixtures.Path("trx", "stateless-multitfm_net10.0_20261126075008.trx");
        var crashed = Fixtures.Path("trx", "newtonsoft-json-aborted-testhost-crash.trx");

        var run = reader.ReadAll([good, crashed]);

        Assert.True(run.Aborted);
        Assert.Equal(383, run.Passed);
    }
}
