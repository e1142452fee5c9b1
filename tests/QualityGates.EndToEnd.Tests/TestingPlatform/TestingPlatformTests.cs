using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.TestingPlatform;

/// <summary>
/// The gate under Microsoft.Testing.Platform: dotnet test in the .NET 10 SDK's native mode (solution and
/// project) and the test application run directly, for xunit.v3, MSTest's runner and TUnit.
/// </summary>
[Collection(TestingPlatformConsumer.Collection)]
public sealed class TestingPlatformTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> OneTestFails = new() { ["QG_FAIL"] = "1" };

    [Fact]
    public void NativeSolutionRunGivesEachProjectItsOwnVerdictAndReportFolder()
    {
        var workspace = TestingPlatformConsumer.Get(output);
        workspace.ClearReports();

        // One of four tests fails in each project: 75 % is below staging's 95 %, but TUnitTests accepts 70 %.
        var run = workspace.TestNative(["--solution", TestingPlatformConsumer.Solution, "--no-build", "-c", "Release"], OneTestFails);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("failed QG2001 quality gate tests.pass_rate", run.Output);
        Assert.Contains("QG2001: Test pass rate 75.0% is below the staging minimum of 95.0% (3 of 4 passed)", run.Output);
        Assert.DoesNotContain("QG2001: Test pass rate 75.0% is below the staging minimum of 70.0%", run.Output);
        foreach (var project in TestingPlatformConsumer.Projects)
        {
            var reports = GateReports.In(workspace.ReportFolder(project));
            Assert.Equal(project == TestingPlatformConsumer.TUnit ? [] : ["tests.pass_rate"], reports.Failures);
            Assert.Single(reports.JsonReports);
        }
    }

    [Theory]
    [InlineData(TestingPlatformConsumer.Xunit)]
    [InlineData(TestingPlatformConsumer.MSTest)]
    [InlineData(TestingPlatformConsumer.TUnit)]
    public void RunDirectlyWithCoverletFailsOnLowCoverage(string project)
    {
        var workspace = TestingPlatformConsumer.Get(output);
        workspace.ClearReports();

        var run = workspace.Dotnet([workspace.App(project), "--coverlet", "--coverlet-output-format", "cobertura"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error QG2002 : Line coverage", run.Output);
        Assert.DoesNotContain("QG2001", run.Output);
        Assert.Equal(["coverage.line"], GateReports.In(workspace.ReportFolder(project)).Failures);
    }

    [Fact]
    public void RunDirectlyTakesThresholdsFromTheCommandLine()
    {
        var workspace = TestingPlatformConsumer.Get(output);
        workspace.ClearReports();

        var relaxed = workspace.Dotnet([workspace.App(TestingPlatformConsumer.TUnit)], OneTestFails);
        var production = workspace.Dotnet([workspace.App(TestingPlatformConsumer.TUnit), "--quality-gates-context", "production", "--quality-gates-min-test-pass-rate", "0.8"], OneTestFails);

        // The project's QualityGatesMinTestPassRate (0.7) lets 75 % pass; the platform keeps its own exit
        // code 2 for the failed test. The options override both the context and the project's threshold.
        Assert.Equal(2, relaxed.ExitCode);
        Assert.DoesNotContain("error QG", relaxed.Output);
        Assert.Contains("tests.pass_rate  PASS", relaxed.Output);
        Assert.Equal(2, production.ExitCode);
        Assert.Contains("error QG2001 : Test pass rate 75.0% is below the production minimum of 80.0%", production.Output);
        // No coverage collected, which production requires: the message names what a test application accepts.
        Assert.Contains("error QG2002 : No coverage results were given, and the production context requires it. Collect coverage with coverlet.MTP", production.Output);
        Assert.Contains("pass --quality-gates-strict false.", production.Output);
        Assert.DoesNotContain("--collect", production.Output);
    }

    [Fact]
    public void NativeProjectRunWithCoverletFailsOnLowCoverageAfterPassingTests()
    {
        var workspace = TestingPlatformConsumer.Get(output);
        workspace.ClearReports();

        var run = workspace.TestNative(["--project", TestingPlatformConsumer.MSTest, "--no-build", "-c", "Release", "--coverlet", "--coverlet-output-format", "cobertura"]);

        // Every test passed; the gate blocked in the test host controller, which only the exit code can carry in native mode.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["coverage.line"], GateReports.In(workspace.ReportFolder(TestingPlatformConsumer.MSTest)).Failures);
    }

    [Fact]
    public void HelpListsTheOptionsAndABadValueIsRefusedWithItsCode()
    {
        var workspace = TestingPlatformConsumer.Get(output);

        var help = workspace.Dotnet([workspace.App(TestingPlatformConsumer.Xunit), "--help"]);
        var bad = workspace.Dotnet([workspace.App(TestingPlatformConsumer.Xunit), "--quality-gates-context", "prod"]);
        var diff = workspace.Dotnet([workspace.App(TestingPlatformConsumer.Xunit), "--quality-gates-new-code-diff", "Both"]);

        Assert.Contains("--quality-gates-context", help.Output);
        Assert.Contains("--quality-gates-min-line-coverage", help.Output);
        Assert.Contains("--quality-gates-strict", help.Output);
        Assert.Contains("--quality-gates-fail-on-any-test-failure", help.Output);
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("QG0001", bad.Output);
        // Refused before any test runs, even with new-code coverage off.
        Assert.Equal(5, diff.ExitCode);
        Assert.Contains("QG0011", diff.Output);
    }

    [Fact]
    public void EvaluateTargetInATestApplicationWithoutResultFilesSaysWhy()
    {
        var workspace = TestingPlatformConsumer.Get(output);

        var run = workspace.Dotnet(["msbuild", Path.Combine(TestingPlatformConsumer.Xunit, TestingPlatformConsumer.Xunit + ".csproj"), "-t:QualityGatesEvaluate", "-p:Configuration=Release", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG0010"], run.GateErrorCodes);
    }
}
