using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// A run is aborted only when the test platform says so in the words its writer uses; xunit's VSTest adapter
/// writes every failed test as a RunInfo error holding the test's name, so a name is never read as an abort.
/// </summary>
public sealed class TrxAbortShapeTests : IDisposable
{
    private const string VSTestName = "runner@ci-host 2026-08-20 09:15:02";
    private const string MtpName = "runner@ci-host 2026-08-20 09:15:02.123";
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("[xUnit.net 00:00:05.61]     Payments.RefundTests.Refund_WhenOrderAborted_ReturnsConflict [FAIL]")]
    [InlineData("[xUnit.net 00:00:05.61]     Host.Watchdog.RestartsAfterWorkerCrashed(attempts: 3) [FAIL]")]
    [InlineData("[xUnit.net 00:00:05.61]     Cli.Runner.ReportsChildThatExitedWithError [FAIL]")]
    [InlineData("[xUnit.net 00:00:05.61]     Tests.The active test run was aborted. Reason: none [FAIL]")]
    public void AFailedXunitTestWhoseNameSaysAbortedLeavesTheRunComplete(string runInfo)
    {
        var path = Write(VSTestName, Passed("a") + Passed("b") + Passed("c") + Passed("d") + Failed("e"), "Failed", TrxText.Counters(5, 5, 4, 1), runInfo);

        var run = reader.Read(path);

        Assert.False(run.Aborted);
        Assert.Null(run.AbortReason);
        var check = Run(DeploymentContext.Development, new GateInputs { Tests = run }).Check(GateNames.TestPassRate);
        Assert.Equal(GateStatus.Passed, check.Status);
        Assert.Equal(0.8, check.Value);
    }

    [Theory]
    [InlineData("The active test run was aborted. Reason: Test host process crashed : Stack overflow.")]
    [InlineData("Testhost process for source(s) '/src/T/bin/T.dll' exited with error: Unhandled exception. Please check the diagnostic logs for more information.")]
    [InlineData("Testhost process exited with error: Unhandled exception.")]
    [InlineData("Der aktive Testlauf wurde abgebrochen. Grund: Der Testhostprozess ist abgestürzt.")]
    [InlineData("La série de tests active a été abandonnée. Raison\u00a0: Plantage du processus hôte de test")]
    [InlineData("Der TestHost-Prozess für die Quelle(n) /src/T/bin/T.dll wurde mit folgendem Fehler beendet: Unhandled exception. Weitere Informationen finden Sie in den Diagnoseprotokollen.")]
    [InlineData("活动的测试运行已中止。原因: 测试主机进程崩溃")]
    public void VSTestsOwnAbortMessagesAbortTheRunInEveryLanguageItShips(string runInfo)
    {
        var path = Write(VSTestName, Passed("a"), "Failed", TrxText.Counters(1, 1, 1, 0), runInfo);

        var run = reader.Read(path);

        Assert.True(run.Aborted);
        Assert.Equal(runInfo, run.AbortReason);
    }

    [Theory]
    [InlineData("Test host process pid: 4242 crashed.", true)]
    [InlineData("Exit code indicates failure: '3'. Please refer to https://aka.ms/testingplatform/exitcodes for more information.", true)]
    [InlineData("Exit code indicates failure: '2'. Please refer to https://aka.ms/testingplatform/exitcodes for more information.", false)]
    [InlineData("Warning: the test host crashed while copying an attachment", false)]
    public void MicrosoftTestingPlatformAbortsOnlyInItsOwnShapes(string runInfo, bool aborted)
    {
        var path = Write(MtpName, Passed("a"), "Failed", TrxText.Counters(1, 1, 1, 0), runInfo);

        Assert.Equal(aborted, reader.Read(path).Aborted);
    }

    private string Write(string name, string results, string outcome, string counters, string runInfo) =>
        temp.Write(Guid.NewGuid().ToString("N") + ".trx", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="{Guid.NewGuid()}" name="{name}" xmlns="{TrxText.Namespace}">
              <Results>
            {results}
              </Results>
              <ResultSummary outcome="{outcome}">
                <Counters {counters} />
                <RunInfos><RunInfo computerName="ci-host" outcome="Error" timestamp="2026-08-20T09:15:02"><Text>{System.Security.SecurityElement.Escape(runInfo)}</Text></RunInfo></RunInfos>
              </ResultSummary>
            </TestRun>
            """);

    private static string Passed(string name) => TrxText.Result("T." + name, "Passed") + "\n";

    private static string Failed(string name) => TrxText.Result("T." + name, "Failed") + "\n";
}
