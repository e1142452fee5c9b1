using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>A test project with two target frameworks: one gate and one report folder per framework.</summary>
public sealed class MultiTargetingTests(ITestOutputHelper output)
{
    [Fact]
    public void GatesEachTargetFrameworkIntoItsOwnReportFolder()
    {
        var workspace = new Workspace("multi", output);
        GatedConsumer.WriteSources(workspace);
        // Only the 10.0 runtime is installed: the net8.0 leg rolls forward.
        GatedConsumer.TestProject(workspace.Feed, targetFramework: null, targetFrameworks: "net8.0;net10.0")
            .Property("RollForward", "Major")
            .Save(workspace.FullPath(GatedConsumer.ProjectPath));

        // One run, one leg short of coverage: each leg is judged on its own files only, so exactly the net8.0 leg fails.
        var run = workspace.Dotnet(["test", GatedConsumer.ProjectPath, "--collect", "XPlat Code Coverage", "-p:QualityGatesContext=production", "-tl:on"],
            new Dictionary<string, string> { ["QG_PARTIAL_COVERAGE"] = "net8.0" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2002"], run.ErrorCodes);
        Assert.Contains("Line coverage 25.0% is below the production minimum of 90.0% (3 of 12 lines covered)", Assert.Single(run.Errors));
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates", framework));
            Assert.Equal(framework == "net8.0" ? [$"coverage.line ({framework})"] : [], reports.Failures);
            Assert.Single(reports.JsonReports);
            // The Jenkins glob reads both junit-gates.xml: the framework in the names keeps the legs apart.
            Assert.Contains($"tests.pass_rate ({framework})", reports.TestCases);
            Assert.EndsWith($" ({framework})", (string)reports.JUnit.Descendants("testsuite").Single().Attribute("name")!, StringComparison.Ordinal);
            // Each framework has its own results folder, so their coverage attachments cannot mix.
            Assert.True(File.Exists(workspace.FullPath(GatedConsumer.TestsFolder, "TestResults", framework, $"QualityGates-Lib.Tests-{framework}.trx")));
        }
    }
}
