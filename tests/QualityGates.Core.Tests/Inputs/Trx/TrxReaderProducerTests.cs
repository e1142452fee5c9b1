using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using QualityGates.Tests.Support;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// Each TRX writer counts and reports a broken run its own way (VSTest's trx logger, Microsoft.Testing.Platform's
/// TrxReport extension, xunit.v3's -trx); the reader cross-checks a file by its writer's rules and reads a
/// run-level failure however the writer says it.
/// </summary>
public sealed class TrxReaderProducerTests : IDisposable
{
    private const string MtpName = "runner@ci-host 2025-03-01 10:00:00.000";
    private const string VSTestName = "runner@ci-host 2025-03-01 10:00:00";
    private const string XunitSettings = """<TestSettings name="default" id="6c4d5628-128d-4c3b-a1a4-ab366a4594ad" />""";
    private const string DefaultSettings = """<TestSettings name="default" id="5c4b2a10-3f1e-4d2c-8b7a-000000000001"><Deployment runDeploymentRoot="x" /></TestSettings>""";

    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsTheMtpTimeoutCaseWithoutRefusingIt()
    {
        var run = reader.Read(Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx"));

        Assert.Equal((3, 1, 1, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.Equal(0.5, run.PassRate);
        Assert.False(run.Aborted);
        Assert.Equal("SlowCall", Assert.Single(run.FailedTests).Name);
    }

    [Fact]
    public void TheMtpTimeoutCaseFailsTheDevelopmentPassRate()
    {
        var run = reader.Read(Fixtures.Case("t01-mtp-trx-timeout", "mtp-timeout.trx"));

        var check = Run(DeploymentContext.Development, new GateInputs { Tests = run }).Check(GateNames.TestPassRate);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(0.5, check.Value);
        Assert.Equal(ErrorCodes.TestPassRateBelowMinimum, check.Code);
    }

    [Fact]
    public void StillRefusesVSTestCountersThatCountATimeoutOutsideFailed()
    {
        // VSTest's trx logger counts every Failed result in "failed"; only MTP moves a timeout to "timeout".
        var path = Write(VSTestName, DefaultSettings, Passed("A") + Failed("B"), "Failed", Counters(2, 1, 1, 0, timeout: 1));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, error.Code);
        Assert.Contains("VSTest's trx logger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesMtpCountersThatNoRuleExplains()
    {
        var path = Write(MtpName, DefaultSettings, Passed("A") + Failed("B"), "Failed", Counters(2, 2, 1, 0, timeout: 0));

        var error = Assert.Throws<QualityGatesException>(() => reader.Read(path));

        Assert.Equal(ErrorCodes.TrxCountersDisagree, error.Code);
        Assert.Contains("Microsoft.Testing.Platform", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheFirstXunitXsltCountersWhereExecutedMeansPassed()
    {
        // xunit.v3's first TRX.xslt: no "passed" counter, executed = total - failed - skipped - not run.
        var counters = """total="3" executed="1" failed="1" notExecuted="1" notRunnable="0" """;
        var path = Write("someuser@host 12/30/2025 17:42:41", null, Passed("A") + Failed("B") + Result("C", "NotExecuted"), "Passed", counters);

        var run = reader.Read(path);

        Assert.Equal((3, 1, 1, 1), (run.Total, run.Passed, run.Failed, run.Skipped));
        Assert.False(run.Aborted);
    }

    [Fact]
    public void AVSTestRunAbortedAfterSomeResultsIsAbortedWithItsReason()
    {
        const string text = "The active test run was aborted. Reason: Test host process crashed : Stack overflow.";
        var path = Write(VSTestName, DefaultSettings, Passed("A") + Passed("B"), "Failed", Counters(2, 2, 2, 0), RunInfo(text));

        var run = reader.Read(path);

        Assert.Equal((2, 2, 0), (run.Total, run.Passed, run.Failed));
        Assert.True(run.Aborted);
        Assert.Equal(text, run.AbortReason);
    }

    [Fact]
    public void AVSTestRunErrorThatIsNotAnAbortLeavesTheRunComplete()
    {
        var path = Write(VSTestName, DefaultSettings, Passed("A"), "Error", Counters(1, 1, 1, 0), RunInfo("Attachment 'x.coverage' could not be copied."));

        Assert.False(reader.Read(path).Aborted);
    }

    [Fact]
    public void AnMtpCrashedTestHostIsAborted()
    {
        const string crash = "Test host process pid: 4242 crashed.";
        var path = Write(MtpName, DefaultSettings, Passed("A"), "Failed", Counters(1, 1, 1, 0, timeout: 0), RunInfo(crash));

        var run = reader.Read(path);

        Assert.True(run.Aborted);
        Assert.Equal(crash, run.AbortReason);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(8, false)]
    [InlineData(9, false)]
    [InlineData(3, true)]
    [InlineData(7, true)]
    [InlineData(13, true)]
    public void AnMtpFailingExitCodeAbortsOnlyWhenTheSessionDidNotComplete(int exitCode, bool aborted)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Exit code indicates failure: '{exitCode}'. Please refer to https://aka.ms/testingplatform/exitcodes for more information.");
        var path = Write(MtpName, DefaultSettings, Passed("A") + Failed("B"), "Failed", Counters(2, 2, 1, 1, timeout: 0), RunInfo(text));

        var run = reader.Read(path);

        Assert.Equal(aborted, run.Aborted);
        Assert.Equal(aborted ? text : null, run.AbortReason);
    }

    [Fact]
    public void XunitErrorsOutsideAnyTestAbortTheRun()
    {
        // xunit.v3's code writer puts the assembly's catastrophic errors (e.g. a failed fixture cleanup) in "error".
        var counters = """total="2" executed="2" passed="2" failed="0" error="1" timeout="0" notExecuted="0" notRunnable="0" """;
        var path = Write("someuser@host 2025-12-30T17:42:41.6882005+00:00", XunitSettings, Passed("A") + Passed("B"), "Failed", counters);

        var run = reader.Read(path);

        Assert.Equal((2, 2, 0), (run.Total, run.Passed, run.Failed));
        Assert.True(run.Aborted);
        Assert.StartsWith("xunit.v3's TRX report counts 1 error(s) outside any test result", run.AbortReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbortedRunWithResultsFailsThePassRateUnlessAllowed()
    {
        const string text = "The active test run was aborted. Reason: Test host process crashed";
        var path = Write(VSTestName, DefaultSettings, Passed("A") + Passed("B"), "Failed", Counters(2, 2, 2, 0), RunInfo(text));
        var run = reader.Read(path);
        var inputs = new GateInputs { Tests = run };

        var strictCheck = Run(DeploymentContext.Development, inputs).Check(GateNames.TestPassRate);
        var allowed = new QualityGate(new GateOptions(DeploymentContext.Development) { AllowAbortedRun = true })
            .Evaluate(inputs).Check(GateNames.TestPassRate);

        Assert.Equal(GateStatus.Failed, strictCheck.Status);
        Assert.Equal(1.0, strictCheck.Value);
        Assert.Equal(ErrorCodes.TestPassRateBelowMinimum, strictCheck.Code);
        Assert.StartsWith($"The test run aborted ({text}); a partial run cannot meet", strictCheck.Message, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Passed, allowed.Status);
        Assert.Contains("run aborted", allowed.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string? settings, string results, string outcome, string counters, string runInfos = "") =>
        temp.Write(Guid.NewGuid().ToString("N") + ".trx", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="0b1c7c9e-52a4-4c1e-9d0e-6f2a0c7b1a01" name="{name}" xmlns="{TrxText.Namespace}">
              <Times creation="2025-03-01T10:00:00+00:00" queuing="2025-03-01T10:00:00+00:00" start="2025-03-01T10:00:00+00:00" finish="2025-03-01T10:00:03+00:00" />
              {settings}
              <Results>
            {results}
              </Results>
              <ResultSummary outcome="{outcome}"><Counters {counters} />{runInfos}</ResultSummary>
            </TestRun>
            """);

    private static string Passed(string name) => Result(name, "Passed");

    private static string Failed(string name) => Result(name, "Failed");

    private static string Result(string name, string outcome) => TrxText.Result("T." + name, outcome) + "\n";

    private static string RunInfo(string text) =>
        $"""<RunInfos><RunInfo computerName="ci-host" outcome="Error" timestamp="2025-03-01T10:00:03"><Text>{text}</Text></RunInfo></RunInfos>""";

    private static string Counters(int total, int executed, int passed, int failed, int? timeout = null) =>
        string.Create(CultureInfo.InvariantCulture, $"""total="{total}" executed="{executed}" passed="{passed}" failed="{failed}" error="0" """)
        + (timeout is int t ? string.Create(CultureInfo.InvariantCulture, $"""timeout="{t}" """) : string.Empty);
}
