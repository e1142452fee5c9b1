using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// Data-driven MSTest results nest their rows as InnerResults: the parent is the test, the rows are not
/// counted again, yet VSTest's Counters include them, so the cross-check counts every depth.
/// </summary>
public sealed class TrxReaderInnerResultsTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    private static string DataDrivenParent(string parentMessage) => $"""
            <UnitTestResult testName="Sums.AddsRows" outcome="Failed" duration="00:00:02.0000000" resultType="DataDrivenTest">
              {parentMessage}
              <InnerResults>
                <UnitTestResult testName="Sums.AddsRows (1,1)" outcome="Passed" duration="00:00:00.5000000" resultType="DataDrivenDataRow" />
                <UnitTestResult testName="Sums.AddsRows (2,2)" outcome="Failed" duration="00:00:00.5000000" resultType="DataDrivenDataRow">
                  <Output>
                    <TextMessages><Message>trace line, not the failure</Message></TextMessages>
                    <ErrorInfo><Message>Assert.AreEqual failed. Expected:&lt;4&gt;. Actual:&lt;5&gt;.</Message></ErrorInfo>
                  </Output>
                </UnitTestResult>
                <UnitTestResult testName="Sums.AddsRows (3,3)" outcome="NotExecuted" duration="00:00:00.0000000" resultType="DataDrivenDataRow" />
              </InnerResults>
            </UnitTestResult>
        """;

    // 2 top-level results; 5 at every depth: Passed 2, Failed 2, NotExecuted 1.
    private static readonly string Counters = TrxText.Counters(total: 5, executed: 4, passed: 2, failed: 2);

    [Fact]
    public void CountsOnlyTopLevelResultsAsTests()
    {
        var results = string.Join('\n', TrxText.Result("Sums.Zero", "Passed"), DataDrivenParent(string.Empty));
        var path = temp.Write("datadriven.trx", TrxText.Run(results, Counters, outcome: "Failed"));

        var run = reader.Read(path);

        Assert.Equal((2, 1, 1, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
    }

    [Fact]
    public void TakesTheParentsOwnMessageWhenItHasOne()
    {
        var own = "<Output><ErrorInfo><Message>1 of 3 rows failed</Message></ErrorInfo></Output>";
        var path = temp.Write("own.trx", TrxText.Run(DataDrivenParent(own), TrxText.Counters(4, 3, 1, 2), outcome: "Failed"));

        var failed = Assert.Single(reader.Read(path).FailedTests);

        Assert.Equal("Sums.AddsRows", failed.Name);
        Assert.Equal("1 of 3 rows failed", failed.Message);
    }

    [Fact]
    public void FallsBackToTheFirstFailedRowsErrorMessage()
    {
        var path = temp.Write("rows.trx", TrxText.Run(DataDrivenParent(string.Empty), TrxText.Counters(4, 3, 1, 2), outcome: "Failed"));

        var failed = Assert.Single(reader.Read(path).FailedTests);

        Assert.Equal("Sums.AddsRows", failed.Name);
        Assert.Equal("Assert.AreEqual failed. Expected:<4>. Actual:<5>.", failed.Message);
    }

    [Fact]
    public void SumsTopLevelDurationsOnlyWhenTimesIsMissing()
    {
        var results = string.Join('\n', TrxText.Result("Sums.Zero", "Passed", "00:00:01.2500000"), DataDrivenParent(string.Empty));
        var path = temp.Write("notimes.trx", TrxText.Run(results, Counters, outcome: "Failed", times: string.Empty));

        Assert.Equal(TimeSpan.FromSeconds(3.25), reader.Read(path).Duration);
    }
}
