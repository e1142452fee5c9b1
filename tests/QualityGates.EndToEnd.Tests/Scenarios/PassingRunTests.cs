using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

[Collection(SharedConsumer.Collection)]
public sealed class PassingRunTests(ITestOutputHelper output)
{
    [Fact]
    public void PassesEveryGateAndWritesTheReports()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["--collect", "XPlat Code Coverage", "-tl:off"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.GateErrorCodes);
        Assert.Contains("Quality gates for Lib.Tests:1.0.0 (staging): PASSED", run.Output);
        Assert.Equal(("PASS", "100.0%"), GateTable.Row(run.Output, "tests.pass_rate"));
        Assert.Equal(("PASS", "100.0%"), GateTable.Row(run.Output, "coverage.line"));
        var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));
        Assert.Contains("tests.pass_rate", reports.TestCases);
        Assert.Contains("coverage.line", reports.TestCases);
        Assert.Empty(reports.Failures);
        Assert.Single(reports.JsonReports);
    }
}
