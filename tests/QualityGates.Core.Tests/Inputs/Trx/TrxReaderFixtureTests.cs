using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>The reader against the real VSTest files in tests/fixtures/trx and their MANIFEST figures.</summary>
public sealed class TrxReaderFixtureTests
{
    private const string DeliberateTests = "GuardClauses.UnitTests.DeliberateOutcomeTests.";
    private static readonly string GuardClauses = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string Cronos = Fixtures.Path("trx", "cronos-xunit-theories.trx");
    private static readonly string StatelessNet8 = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly string StatelessNet10 = Fixtures.Path("trx", "stateless-multitfm_net10.0_20261126075008.trx");
    private static readonly string Newtonsoft = Fixtures.Path("trx", "newtonsoft-json-aborted-testhost-crash.trx");

    private readonly TrxReader reader = new();

    [Fact]
    public void CountsGuardClausesFailuresAndSkipsLikeTheVSTestSummary()
    {
        var run = reader.Read(GuardClauses);

        Assert.Equal(964, run.Total);
        Assert.Equal(959, run.Passed);
        Assert.Equal(3, run.Failed);
        Assert.Equal(2, run.Skipped);
        Assert.Equal(962, run.Executed);
        Assert.False(run.Aborted);
        Assert.Null(run.AbortReason);
        Assert.Equal([GuardClauses], run.SourceFiles);
    }

    [Fact]
    public void ListsGuardClausesFailedTestsWithTheirUnescapedMessagesInFileOrder()
    {
        var run = reader.Read(GuardClauses);

        Assert.Collection(run.FailedTests,
            test =>
            {
                Assert.Equal(DeliberateTests + "DeliberatelyThrowingException", test.Name);
                Assert.Equal("System.InvalidOperationException : fixture: deliberate exception with <xml> & \"special\" chars", test.Message);
                Assert.Equal(GuardClauses, test.SourceFile);
            },
            test =>
            {
                Assert.Equal(DeliberateTests + "DeliberatelyFailingAssert", test.Name);
                Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 42\nActual:   41", test.Message);
                Assert.Equal(GuardClauses, test.SourceFile);
            },
            test =>
            {
                Assert.Equal(DeliberateTests + "DeliberateTheoryOneCaseFails(a: 2, b: 3)", test.Name);
                Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 2\nActual:   3", test.Message);
                Assert.Equal(GuardClauses, test.SourceFile);
            });
    }

    [Fact]
    public void TakesGuardClausesDurationFromTimesStartToFinish()
    {
        // start 07:59:17.8084419, finish 07:59:29.5382976
        Assert.Equal(TimeSpan.FromTicks(117_298_557), reader.Read(GuardClauses).Duration);
    }

    [Fact]
    public void CountsEveryCronosTheoryRowAsATest()
    {
        var run = reader.Read(Cronos);

        Assert.Equal(1868, run.Total);
        Assert.Equal(1856, run.Passed);
        Assert.Equal(12, run.Failed);
        Assert.Equal(0, run.Skipped);
        Assert.False(run.Aborted);
        Assert.Equal(TimeSpan.FromTicks(265_524_904), run.Duration); // 07:47:02.3032667 → 07:47:28.8557571
    }

    [Fact]
    public void ListsTheTwelveCronosDstFailuresByMethod()
    {
        var run = reader.Read(Cronos);

        var byMethod = run.FailedTests
            .GroupBy(test => test.Name.Split('(')[0]) // theory rows carry "(arguments)", the one fact does not
            .ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["Cronos.Tests.CronExpressionFacts.GetNextOccurrence_HandleDST_WhenTheClockJumpsForwardAndFromIsAroundDST"] = 6,
            ["Cronos.Tests.CronExpressionFacts.GetNextOccurrence_HandleDifficultDSTCases_WhenTheClockJumpsBackwardOnFriday"] = 3,
            ["Cronos.Tests.CronExpressionFacts.GetNextOccurrence_HandleDifficultDSTCases_WhenTheClockJumpsForwardOnFriday"] = 2,
            ["Cronos.Tests.CronExpressionFacts.GetNextOccurrence_ReturnsAGreaterValue_EvenWhenMillisecondTruncationRuleIsAppliedDueToDST"] = 1,
        }, byMethod);
        Assert.Equal(
            "Cronos.Tests.CronExpressionFacts.GetNextOccurrence_HandleDST_WhenTheClockJumpsForwardAndFromIsAroundDST(cronExpression: \"30 0 L  * *\", fromString: \"2017-03-30 23:59:59.9990000 +02:00\", expectedString: \"2017-03-31 01:00:00 +03:00\", inclusive: False)",
            run.FailedTests[0].Name);
        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 2017-03-31T01:00:00.0000000+03:00\nActual:   2017-03-31T00:30:00.0000000+03:00", run.FailedTests[0].Message);
        Assert.All(run.FailedTests, test => Assert.StartsWith("Assert.", test.Message, StringComparison.Ordinal)); // Equal or True failures
    }

    [Fact]
    public void MergesTheStatelessTargetFrameworkLegsIntoOneRun()
    {
        var run = reader.ReadAll([StatelessNet8, StatelessNet10]);

        Assert.Equal(766, run.Total);
        Assert.Equal(766, run.Passed);
        Assert.Equal(0, run.Failed);
        Assert.Equal(0, run.Skipped);
        Assert.False(run.Aborted);
        Assert.Empty(run.FailedTests);
        Assert.Equal([StatelessNet8, StatelessNet10], run.SourceFiles);
        // Summed per file: net8.0 16.2709964 s + net10.0 13.1650192 s.
        Assert.Equal(TimeSpan.FromTicks(162_709_964 + 131_650_192), run.Duration);
    }

    [Theory]
    [InlineData("stateless-multitfm_net8.0_20261126074954.trx")]
    [InlineData("stateless-multitfm_net10.0_20261126075008.trx")]
    public void ReadsEachStatelessLegAsAllPassed(string file)
    {
        var run = reader.Read(Fixtures.Path("trx", file));

        Assert.Equal((383, 383, 0, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
    }

    [Fact]
    public void MarksTheNewtonsoftTestHostCrashAsAbortedWithItsRunError()
    {
        var run = reader.Read(Newtonsoft);

        Assert.True(run.Aborted);
        Assert.Equal((0, 0, 0, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Null(run.PassRate);
        Assert.Empty(run.FailedTests);
        Assert.NotNull(run.AbortReason);
        Assert.StartsWith(
            "Testhost process for source(s) '/home/runner/work/Newtonsoft.Json/Src/Newtonsoft.Json.Tests/bin/Debug/net10.0/Newtonsoft.Json.Tests.dll' exited with error: Unhandled exception. System.TypeInitializationException",
            run.AbortReason, StringComparison.Ordinal);
        // The crash text is 1,885 characters: the first 1,000 are kept, then an ellipsis.
        Assert.Equal(TrxReader.MaxMessageLength + 1, run.AbortReason!.Length);
        Assert.EndsWith("…", run.AbortReason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromTicks(79_634_037), run.Duration); // 08:03:27.5887596 → 08:03:35.5521633
    }

    [Fact]
    public void MergesAllFixturesAsAbortedWithEveryFailureTaggedByFile()
    {
        var run = reader.ReadAll([GuardClauses, Cronos, StatelessNet8, StatelessNet10, Newtonsoft]);

        Assert.Equal(964 + 1868 + 766, run.Total);
        Assert.Equal(959 + 1856 + 766, run.Passed);
        Assert.Equal(3 + 12, run.Failed);
        Assert.Equal(2, run.Skipped);
        Assert.True(run.Aborted);
        Assert.StartsWith(Newtonsoft + ": Testhost process for source(s)", run.AbortReason, StringComparison.Ordinal);
        Assert.Equal(5, run.SourceFiles.Count);
        Assert.Equal(15, run.FailedTests.Count);
        Assert.Equal(3, run.FailedTests.Count(test => test.SourceFile == GuardClauses));
        Assert.Equal(12, run.FailedTests.Count(test => test.SourceFile == Cronos));
    }
}
