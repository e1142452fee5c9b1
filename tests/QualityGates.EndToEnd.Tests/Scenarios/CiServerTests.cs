using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// dotnet test on GitHub Actions, as far as the runner's environment variables and files make it, with the
/// user's QualityGatesBlocked / Passed / Completed hooks (<see cref="HookTargets"/>): two failed tests of fifty
/// block production with one error (FailingTestsTests has the terminal logger's run).
/// </summary>
[Collection(SharedConsumer.Collection)]
public sealed class CiServerTests(ITestOutputHelper output)
{
    [Fact]
    public void RunsTheBlockedHookThenAnnotatesEachFailedCheckOnceAndWritesTheStepSummaryAndOutputs()
    {
        var workspace = SharedConsumer.Get(output);
        HookTargets.Clear(workspace);
        var summary = workspace.Write("runner/step_summary.md", string.Empty);
        var outputs = workspace.Write("runner/output.txt", string.Empty);

        // No -tl option: output is piped, as on a runner, so the console logger is used.
        var run = workspace.Test([HookTargets.Argument(workspace), "-p:QualityGatesContext=production", "-p:QualityGatesStrict=false"], new Dictionary<string, string>
        {
            ["QG_FAILCOUNT"] = "2",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace.Root,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = outputs,
        });

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
        // The runner trims leading white space before looking for "::".
        var commands = run.Output.Split('\n').Select(l => l.TrimStart()).Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        var annotation = Assert.Single(commands);
        Assert.StartsWith("::error title=QG2001 tests.pass_rate,file=Lib.Tests/TestResults/QualityGates-Lib.Tests-net10.0.trx::Test pass rate 96.0%25 is below the production minimum of 98.0%25", annotation.TrimEnd());
        // The MSBuild error has no line, so setup-dotnet's problem matcher (csc) does not annotate it a second time.
        Assert.DoesNotMatch(@"\(\d+(,\d+)*\): error QG2001", run.Output);

        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("## ❌ Quality gates failed: Lib.Tests 1.0.0 (production)", markdown);
        Assert.Contains("| `tests.pass_rate` | ❌ **fail** | 96.0% | ≥ 98.0% |", markdown);
        var values = File.ReadAllText(outputs);
        Assert.Contains("passed=false\n", values);
        Assert.Contains("failed-count=1\n", values);
        var report = Assert.Single(GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).JsonReports);
        Assert.Contains("report-path<<ghadelimiter_", values);
        Assert.Contains("\n" + report + "\n", values);
        Assert.Contains("\"provider\": \"github-actions\"", File.ReadAllText(report));
    }
}
