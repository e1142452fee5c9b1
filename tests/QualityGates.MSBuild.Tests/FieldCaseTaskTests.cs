using QualityGates.MSBuild.Tests.Support;
using QualityGates.Testing;

namespace QualityGates.MSBuild.Tests;

/// <summary>
/// The task on the field cases: an MTP TRX with a timeout, a run aborted after some results (and the
/// QualityGatesAllowAbortedRun opt-out), QualityGatesFailOnAnyTestFailure on both, and the target framework
/// of a multi-targeting leg in junit-gates.xml.
/// </summary>
public sealed class FieldCaseTaskTests : IDisposable
{
    private const string AbortText = "The active test run was aborted. Reason: Test host process crashed : Stack overflow.";
    private static readonly string MtpTimeoutTrx = Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheMtpTimeoutCaseFailsTheDevelopmentPassRateWithOneError()
    {
        var run = TestsOnly(MtpTimeoutTrx);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2001", error.Code);
        Assert.Contains("50.0%", error.Message, StringComparison.Ordinal);
        Assert.Equal("0.5", run.Result("tests.pass_rate").GetMetadata("Value"));
    }

    [Fact]
    public void FailOnAnyTestFailureCountsTheMtpTimeoutAsAFailedTest()
    {
        var run = TestsOnly(MtpTimeoutTrx);
        run.Set("FailOnAnyTestFailure", "true");

        Assert.False(run.Execute());

        Assert.Equal(["QG2001", "QG2012"], run.Engine.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Contains(run.Engine.Errors, e => e.Code == "QG2012" && e.Message!.Contains("1 of 2 tests failed", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunAbortedAfterPassingResultsFailsThePassRateWithItsReason()
    {
        var run = TestsOnly(AbortedTrx());

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2001", error.Code);
        Assert.Contains(AbortText, error.Message, StringComparison.Ordinal);
        Assert.Contains("QualityGatesAllowAbortedRun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowAbortedRunJudgesThePartialResults()
    {
        var run = TestsOnly(AbortedTrx());
        run.Set("AllowAbortedRun", "true");

        Assert.True(run.Execute());

        Assert.Empty(run.Engine.Errors);
        Assert.Equal("Passed", run.Result("tests.pass_rate").GetMetadata("Status"));
    }

    [Fact]
    public void FailOnAnyTestFailureStillFailsAnAllowedAbortedRun()
    {
        var run = TestsOnly(AbortedTrx());
        run.Set("AllowAbortedRun", "true");
        run.Set("FailOnAnyTestFailure", "true");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2012", error.Code);
        Assert.Contains("The test run aborted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAWordForAllowAbortedRunNamingTheProperty()
    {
        var run = TestsOnly(MtpTimeoutTrx);
        run.Set("AllowAbortedRun", "yes");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0006", error.Code);
        Assert.Contains("QualityGatesAllowAbortedRun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PutsTheTargetFrameworkIntoTheJUnitNames()
    {
        var run = TestsOnly(Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx"));
        run.Task.TargetFramework = "net8.0";

        Assert.True(run.Execute());

        var junit = File.ReadAllText(Path.Combine(_temp.Path, ".quality-gates", "junit-gates.xml"));
        Assert.Contains("""<testsuite name="QualityGates (net8.0)" """, junit, StringComparison.Ordinal);
        Assert.Contains("""<testcase name="tests.pass_rate (net8.0)" classname="QualityGates.development_net8_0" """, junit, StringComparison.Ordinal);
    }

    private TaskRun TestsOnly(string trx)
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        run.Set("Context", "development");
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [trx]);
        return run;
    }

    // VSTest's shape of a host crash after two passing tests: outcome Failed, a RunInfo error, counters of what ran.
    private string AbortedTrx() => _temp.Write("aborted.trx", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="462262f5-25b0-4e82-9b31-6033bfdc96da" name="runner@vm 2026-11-26 08:03:35" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-26T08:03:35+00:00" queuing="2026-11-26T08:03:35+00:00" start="2026-11-26T08:03:35+00:00" finish="2026-11-26T08:03:40+00:00" />
          <TestSettings name="default" id="07e25d62-b762-4904-9eca-4cb4ba8fa006"><Deployment runDeploymentRoot="runner_vm_2026-11-26_08_03_35" /></TestSettings>
          <Results>
            <UnitTestResult testName="A.One" outcome="Passed" duration="00:00:00.1000000" />
            <UnitTestResult testName="A.Two" outcome="Passed" duration="00:00:00.1000000" />
          </Results>
          <ResultSummary outcome="Failed">
            <Counters total="2" executed="2" passed="2" failed="0" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
            <RunInfos><RunInfo computerName="vm" outcome="Error" timestamp="2026-11-26T08:03:40"><Text>{AbortText}</Text></RunInfo></RunInfos>
          </ResultSummary>
        </TestRun>
        """);
}
