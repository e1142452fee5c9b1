using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>The gate owns the verdict when some tests fail, whatever the console mode.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class FailingTestsTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> OneFails = new() { ["QG_FAILCOUNT"] = "1" };
    private static readonly Dictionary<string, string> TwoFail = new() { ["QG_FAILCOUNT"] = "2" };

    [Theory]
    [InlineData("-tl:off")]
    [InlineData("-tl:on")]
    public void PassesOneFailedTestOfFiftyUnderDevelopmentEvenWithWarnAsError(string terminalLogger)
    {
        var workspace = SharedConsumer.Get(output);

        // -warnaserror can only add errors: a run that passes with it passes without it (SummaryLineTests shows that too, in staging).
        var run = workspace.Test(["-p:QualityGatesContext=development", terminalLogger, "-warnaserror"], OneFails);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorCodes);
        var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));
        Assert.Empty(reports.Failures);
    }

    [Fact]
    public void MeetsTheProductionMinimumExactlyWithOneFailedTestOfFifty()
    {
        var workspace = SharedConsumer.Get(output);

        // 49 of 50 is 98.0 %, which is the production minimum itself.
        var run = workspace.Test(["-p:QualityGatesContext=production", "-p:QualityGatesStrict=false", "-tl:off"], OneFails);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("PASS", "98.0%"), GateTable.Row(run.Output, "tests.pass_rate"));
    }

    /// <summary>The same under the console logger is CiServerTests' run.</summary>
    [Fact]
    public void FailsTwoFailedTestsOfFiftyUnderProductionWithOneErrorUnderTheTerminalLogger()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesContext=production", "-p:QualityGatesStrict=false", "-tl:on"], TwoFail);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2001"], run.ErrorCodes);
        Assert.Contains("96.0%", Assert.Single(run.Errors));
        var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));
        Assert.Equal(["tests.pass_rate"], reports.Failures);
    }

    [Fact]
    public void FailsOnAnyFailedTestWhenAskedTo()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesContext=development", "-p:QualityGatesFailOnAnyTestFailure=true", "-tl:off"], OneFails);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2012"], run.ErrorCodes);
    }
}
