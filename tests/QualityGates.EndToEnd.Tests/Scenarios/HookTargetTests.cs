using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>The QualityGatesBlocked / Passed / Completed hook targets in a real dotnet test.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class HookTargetTests(ITestOutputHelper output)
{
    [Fact]
    public void RunsTheBlockedHookWithTheFailedGatesBeforeTheBuildFailsWithOneError()
    {
        var workspace = SharedConsumer.Get(output);
        HookTargets.Clear(workspace);

        var run = workspace.Test([HookTargets.Argument(workspace), "-p:QualityGatesContext=production", "-p:QualityGatesStrict=false", "-tl:off"],
            new Dictionary<string, string> { ["QG_FAILCOUNT"] = "2" });

        // Two failed tests of fifty fail production with one error (FailingTestsTests has the terminal logger's run).
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2001"], run.ErrorCodes);
        Assert.Contains("96.0%", Assert.Single(run.Errors));
        Assert.Equal(["tests.pass_rate"], GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).Failures);
        Assert.Equal(["tests.pass_rate QG2001 0.96 0.98"], HookTargets.Read(workspace, HookTargets.BlockedFile));
        Assert.Equal(["AllPassed=false"], HookTargets.Read(workspace, HookTargets.CompletedFile));
        Assert.Null(HookTargets.Read(workspace, HookTargets.PassedFile));
        // The hook ran first; the gate's error came after it.
        var hook = run.Output.IndexOf("HOOK blocked: tests.pass_rate", StringComparison.Ordinal);
        var error = run.Output.IndexOf("error QG2001", StringComparison.Ordinal);
        Assert.True(hook >= 0 && error > hook, $"hook at {hook}, error at {error}");
    }
}
