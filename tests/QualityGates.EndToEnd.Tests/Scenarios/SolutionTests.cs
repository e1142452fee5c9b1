using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>Two gated test projects tested in parallel from one solution: each gates itself, nothing collides.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class SolutionTests(ITestOutputHelper output)
{
    [Fact]
    public void GatesEachTestProjectOfASolution()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.TestSolution(["-tl:off"], new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("error QG2001", error);
        Assert.Contains("Lib.StrictTests.csproj", error);
        Assert.Empty(GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).Failures);
        Assert.Equal(["tests.pass_rate"], GateReports.In(workspace.FullPath(SharedConsumer.StrictTestsFolder, ".quality-gates")).Failures);
        Assert.True(File.Exists(workspace.FullPath(GatedConsumer.TestsFolder, "TestResults", "QualityGates-Lib.Tests-net10.0.trx")));
        Assert.True(File.Exists(workspace.FullPath(SharedConsumer.StrictTestsFolder, "TestResults", "QualityGates-Lib.StrictTests-net10.0.trx")));
    }
}
