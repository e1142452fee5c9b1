using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>Two gated test projects tested in parallel from one solution: each gates itself, nothing collides.</summary>
[Collection(PackageCollection.Name)]
public sealed class SolutionTests(PackageFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void GatesEachTestProjectOfASolution()
    {
        var workspace = new Workspace(feed, output, "solution");
        GatedConsumer.WriteSources(workspace);
        GatedConsumer.WriteSources(workspace, testsFolder: "Lib.StrictTests");
        GatedConsumer.TestProject(feed).Save(workspace.FullPath("Lib.Tests", "Lib.Tests.csproj"));
        GatedConsumer.TestProject(feed)
            .Property("QualityGatesMinTestPassRate", "1.0")
            .Save(workspace.FullPath("Lib.StrictTests", "Lib.StrictTests.csproj"));
        Assert.Equal(0, workspace.Dotnet(["new", "sln", "-n", "Gated", "--format", "sln"]).ExitCode);
        Assert.Equal(0, workspace.Dotnet(["sln", "Gated.sln", "add", "Lib/Lib.csproj", "Lib.Tests/Lib.Tests.csproj", "Lib.StrictTests/Lib.StrictTests.csproj"]).ExitCode);

        var run = workspace.Dotnet(["test", "Gated.sln", "-tl:off"], new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("error QG2001", error);
        Assert.Contains("Lib.StrictTests.csproj", error);
        Assert.Empty(GateReports.In(workspace.FullPath("Lib.Tests", ".quality-gates")).Failures);
        Assert.Equal(["tests.pass_rate"], GateReports.In(workspace.FullPath("Lib.StrictTests", ".quality-gates")).Failures);
        Assert.True(File.Exists(workspace.FullPath("Lib.Tests", "TestResults", "QualityGates-Lib.Tests-net10.0.trx")));
        Assert.True(File.Exists(workspace.FullPath("Lib.StrictTests", "TestResults", "QualityGates-Lib.StrictTests-net10.0.trx")));
    }
}
