using Microsoft.Testing.Platform.Extensions.Messages;

namespace QualityGates.Testing.Platform.Tests;

/// <summary>The session's results, counted from test node updates as the platform counts them.</summary>
public sealed class TestOutcomesTests
{
    [Fact]
    public void CountsFailedErrorTimeoutAndCancelledAsFailedAndIgnoresProgress()
    {
        var outcomes = new TestOutcomes();
        outcomes.Record(Node("a", new InProgressTestNodeStateProperty()));
        outcomes.Record(Node("a", PassedTestNodeStateProperty.CachedInstance));
        outcomes.Record(Node("b", new FailedTestNodeStateProperty(new InvalidOperationException("expected 3"))));
        outcomes.Record(Node("c", new ErrorTestNodeStateProperty(new InvalidOperationException("setup threw"))));
        outcomes.Record(Node("d", new TimeoutTestNodeStateProperty("took 30 s")));
#pragma warning disable CS0618, MTP0001 // Older frameworks still send it.
        outcomes.Record(Node("e", new CancelledTestNodeStateProperty("cancelled")));
#pragma warning restore CS0618, MTP0001
        outcomes.Record(Node("f", new SkippedTestNodeStateProperty("not on Linux")));
        outcomes.Record(Node("g", DiscoveredTestNodeStateProperty.CachedInstance));

        var summary = outcomes.Summarize("/tests/app.dll", aborted: false);

        Assert.Equal((6, 1, 4, 1), (summary.Total, summary.Passed, summary.Failed, summary.Skipped));
        Assert.Equal(0.2, summary.PassRate);
        Assert.Equal(["cancelled", "expected 3", "setup threw", "took 30 s"], summary.FailedTests.Select(t => t.Message).Order(StringComparer.Ordinal));
        Assert.Equal(["/tests/app.dll"], summary.SourceFiles);
        Assert.False(summary.Aborted);
    }

    [Fact]
    public void ARetriedTestCountsOnceWithItsLastResult()
    {
        var outcomes = new TestOutcomes();
        outcomes.Record(Node("flaky", new FailedTestNodeStateProperty("first try")));
        outcomes.Record(Node("flaky", PassedTestNodeStateProperty.CachedInstance));

        var summary = outcomes.Summarize("app", aborted: false);

        Assert.Equal((1, 1, 0), (summary.Total, summary.Passed, summary.Failed));
        Assert.Equal(1, summary.Flaky);
        Assert.Equal(("Tests.flaky", 2), (summary.FlakyTests[0].Name, summary.FlakyTests[0].Attempts));
    }

    [Fact]
    public void OnlyATestWhoseLastAttemptPassedAfterAFailureIsFlaky()
    {
        var outcomes = new TestOutcomes();
        outcomes.Record(Node("thrice", new FailedTestNodeStateProperty("1")));
        outcomes.Record(Node("thrice", new TimeoutTestNodeStateProperty("2")));
        outcomes.Record(Node("thrice", PassedTestNodeStateProperty.CachedInstance));
        outcomes.Record(Node("broken", new FailedTestNodeStateProperty("1")));
        outcomes.Record(Node("broken", new FailedTestNodeStateProperty("2")));
        outcomes.Record(Node("steady", PassedTestNodeStateProperty.CachedInstance));

        var summary = outcomes.Summarize("app", aborted: false);

        Assert.Equal((3, 2, 1), (summary.Total, summary.Passed, summary.Failed));
        Assert.Equal([("Tests.thrice", 3)], summary.FlakyTests.Select(f => (f.Name, f.Attempts)));
    }

    [Fact]
    public void ACancelledSessionIsAborted()
    {
        var summary = new TestOutcomes().Summarize("app", aborted: true);

        Assert.True(summary.Aborted);
        Assert.Equal(0, summary.Executed);
        Assert.NotNull(summary.AbortReason);
    }

    private static TestNode Node(string uid, TestNodeStateProperty state) =>
        new() { Uid = new TestNodeUid(uid), DisplayName = "Tests." + uid, Properties = new PropertyBag(state) };
}
