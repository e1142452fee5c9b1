using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

[Collection(SharedConsumer.Collection)]
public sealed class CoverageGateTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> PartialCoverage = new() { ["QG_PARTIAL_COVERAGE"] = "1" };

    [Fact]
    public void FailsCoverageBelowTheProductionMinimumWithOneError()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["--collect", "XPlat Code Coverage", "-p:QualityGatesContext=production", "-tl:off"], PartialCoverage);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2002"], run.GateErrorCodes);
        Assert.Contains("error QG2002: Line coverage 25.0% is below the production minimum of 90.0% (3 of 12 lines covered)", Assert.Single(run.Errors));
        var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));
        Assert.Equal(["coverage.line"], reports.Failures);
    }

    [Fact]
    public void ReadsCoverletMSBuildCoverageEvenWhenATestFailsAndMakesTheCoverageReport()
    {
        var workspace = SharedConsumer.Get(output);
        File.Delete(workspace.FullPath(GatedConsumer.TestsFolder, "coverage.cobertura.xml"));

        var run = workspace.Test(["-p:CollectCoverage=true", "-p:QualityGatesContext=development", "-p:QualityGatesCoverageReport=true", "-tl:off"],
            new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.GateErrorCodes);
        Assert.Equal(("PASS", "98.0%"), GateTable.Row(run.Output, "tests.pass_rate"));
        Assert.Equal(("PASS", "100.0%"), GateTable.Row(run.Output, "coverage.line"));
        Assert.True(File.Exists(workspace.FullPath(GatedConsumer.TestsFolder, "coverage.cobertura.xml")));
        // ReportGenerator's HTML report of the file the gate judged (QualityGatesCoverageReport).
        var html = File.ReadAllText(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates", "coverage", "index.html"));
        Assert.Contains("Lib.Calculator", html);
    }
}
