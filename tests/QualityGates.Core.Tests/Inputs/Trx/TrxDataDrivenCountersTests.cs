using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// VSTest's trx logger counted a data-driven test's parent row besides its data rows up to 18.8; from 18.9.0
/// (https://github.com/microsoft/vstest/pull/15766) it undoes the parent's count, by the parent's outcome, when the first row
/// arrives. A TRX does not say which version wrote it, so both counts are the writer's and neither is refused.
/// </summary>
public sealed class TrxDataDrivenCountersTests : IDisposable
{
    private const string VSTestName = "runner@ci-host 2026-08-20 09:15:02";
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsTheVSTest189CaseAsTwoPassedTests()
    {
        var run = reader.Read(Fixtures.Case("t04-vstest-datadriven-counters", "datadriven-vstest189.trx"));

        Assert.Equal((2, 2, 0, 0), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(1.0, run.PassRate);
        Assert.False(run.Aborted);
        Assert.Equal(GateStatus.Passed, Run(DeploymentContext.Development, new GateInputs { Tests = run }).Check(GateNames.TestPassRate).Status);
    }

    [Theory]
    [InlineData(5, 5, 3, 2)] // up to VSTest 18.8: 2 parents and 3 rows
    [InlineData(3, 3, 2, 1)] // VSTest 18.9+: a failed parent's count undone from failed, a passed one's from passed
    public void AcceptsEitherVSTestCountOfAFailedAndAPassedDataDrivenTest(int total, int executed, int passed, int failed)
    {
        // One data-driven test that failed (rows: passed, failed) and one that passed (row: passed).
        var results =
            Parent("p1", "Failed", Row("p1", "Passed") + Row("p1", "Failed"))
            + Parent("p2", "Passed", Row("p2", "Passed"));
        var path = temp.Write("dd.trx", Trx(results, TrxText.Counters(total, executed, passed, failed), "Failed"));

        var run = reader.Read(path);

        Assert.Equal((2, 1, 1), (run.Total, run.Passed, run.Failed));
    }

    [Fact]
    public void StillRefusesCountersNeitherVSTestVersionWrites()
    {
        var results = Parent("p1", "Passed", Row("p1", "Passed") + Row("p1", "Passed"));
        // 18.8 writes total 3, 18.9 total 2; 4 is neither.
        var path = temp.Write("dd.trx", Trx(results, TrxText.Counters(4, 4, 4, 0), "Completed"));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, error.Code);
    }

    [Fact]
    public void AParentWithoutTheDataDrivenMarkIsCountedAsBefore()
    {
        // An ordered test's steps are inner results too, but VSTest 18.9 undoes only a data-driven parent's count.
        var results = """
                <TestResultAggregation testId="a0000000-0000-0000-0000-000000000009" testName="Ordered" outcome="Passed" duration="00:00:00.0100000">
                  <InnerResults>
            """ + Row("p9", "Passed") + Row("p9", "Passed") + """
                  </InnerResults>
                </TestResultAggregation>
            """;
        var path = temp.Write("ordered.trx", Trx(results, TrxText.Counters(2, 2, 2, 0), "Completed"));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, Assert.Throws<QualityGatesException>(() => reader.Read(path)).Code);
        Assert.Equal(1, reader.Read(temp.Write("ordered3.trx", Trx(results, TrxText.Counters(3, 3, 3, 0), "Completed"))).Total);
    }

    private static string Parent(string id, string outcome, string rows) => $"""
            <UnitTestResult testId="{Id(id)}" testName="{id}" outcome="{outcome}" duration="00:00:00.0300000" resultType="DataDrivenTest">
              <InnerResults>
        {rows}
              </InnerResults>
            </UnitTestResult>
        """;

    private static string Row(string id, string outcome) =>
        $"""        <UnitTestResult testId="{Id(id)}" testName="{id} (row)" outcome="{outcome}" duration="00:00:00.0100000" resultType="DataDrivenDataRow" />""" + "\n";

    private static string Id(string name) => $"a0000000-0000-0000-0000-00000000000{name[^1]}";

    private static string Trx(string results, string counters, string outcome) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="7d1c2a90-0000-4000-8000-000000000009" name="{VSTestName}" xmlns="{TrxText.Namespace}">
          <Results>
        {results}
          </Results>
          <ResultSummary outcome="{outcome}"><Counters {counters} /></ResultSummary>
        </TestRun>
        """;
}
