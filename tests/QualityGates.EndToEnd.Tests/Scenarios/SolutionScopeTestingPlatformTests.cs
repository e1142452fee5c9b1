using System.Text.Json;
using QualityGates.EndToEnd.Tests.Support;
using QualityGates.EndToEnd.Tests.TestingPlatform;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// QualityGatesScope=Solution end to end under Microsoft.Testing.Platform: two xunit.v3 test applications in
/// Shop.slnx with the documented Directory.Solution.targets, native <c>dotnet test</c> (which builds, so the
/// hook starts a run each time; restored once, by the set-up, so with <c>--no-restore</c>). The test applications run after MSBuild has ended, so the one whose
/// hand-in completes the run judges the solution, and every message of that verdict says so. A.Tests fails
/// one of its two tests with QG_FAIL=1; B.Tests (green) sleeps QG_SLEEP milliseconds.
/// </summary>
[Collection(Collection)]
public sealed class SolutionScopeTestingPlatformTests(ITestOutputHelper output)
{
    public const string Collection = "solution scope, testing platform";

    private static readonly SharedWorkspace Shared = new("solution-scope-mtp", SetUp);

    [Fact]
    public void WhenAGreenProjectCompletesTheRunEachMessageSaysItIsTheSolutionsVerdictAndWhoseHandInCompletedIt()
    {
        var workspace = Shared.Get(output);

        // B.Tests, all green, ends seconds after A.Tests: its hand-in completes the run and it judges the solution.
        var run = workspace.TestNative(["--solution", "Shop.slnx", "--no-restore"], new Dictionary<string, string> { ["QG_FAIL"] = "1", ["QG_SLEEP"] = "5000" });

        Assert.NotEqual(0, run.ExitCode);
        const string Whose = "Solution Shop's verdict (judged in B.Tests, whose hand-in completed the run): ";
        Assert.Contains(Whose + "Test pass rate 75.0% is below the development minimum of 90.0% (3 of 4 passed)", run.Output);
        // Nowhere is the solution's failure printed as if it were B.Tests' own.
        Assert.All(run.Output.Split('\n').Where(l => l.Contains("Test pass rate 75.0%", StringComparison.Ordinal)), l => Assert.Contains(Whose, l));
        using var latest = JsonDocument.Parse(File.ReadAllText(workspace.FullPath(".quality-gates", "latest.json")));
        Assert.False(latest.RootElement.GetProperty("allPassed").GetBoolean());
        Assert.Equal(["A.Tests", "B.Tests"], latest.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        Assert.Empty(Directory.GetDirectories(workspace.FullPath(".quality-gates", "run")));
    }

    /// <summary>
    /// A failed test the solution's pass rate tolerates fails nothing: the application that handed it in
    /// leaves it to the solution's verdict, which passes, so the run exits 0 as under VSTest.
    /// </summary>
    [Fact]
    public void AFailedTestTheSolutionToleratesExitsZero()
    {
        var workspace = Shared.Get(output);

        var run = workspace.TestNative(["--solution", "Shop.slnx", "--quality-gates-min-test-pass-rate", "0.7"], new Dictionary<string, string> { ["QG_FAIL"] = "1" });

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("error QG", run.Output);
        using var latest = JsonDocument.Parse(File.ReadAllText(workspace.FullPath(".quality-gates", "latest.json")));
        Assert.True(latest.RootElement.GetProperty("allPassed").GetBoolean());
        Assert.Equal(1, latest.RootElement.GetProperty("metrics").GetProperty("tests").GetProperty("failed").GetInt32());
        Assert.Contains("QG2013", latest.RootElement.GetProperty("warningDetails").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
    }

    /// <summary>
    /// <c>--no-build</c> starts no solution run, so each application is judged alone (QG0019); both pass and exit 0,
    /// and the SDK shows nothing of an application that exits 0: only their report files can say so.
    /// </summary>
    [Fact]
    public void WithoutABuildEachApplicationIsJudgedAloneAndOnlyItsReportsCanSaySo()
    {
        var workspace = Shared.Get(output);

        var run = workspace.TestNative(["--solution", "Shop.slnx", "--no-build"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("QG0019", run.Output);
        foreach (var project in new[] { "A.Tests", "B.Tests" })
        {
            var folder = workspace.FullPath(project, ".quality-gates");
            using var latest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "latest.json")));
            var warning = Assert.Single(latest.RootElement.GetProperty("warningDetails").EnumerateArray());
            Assert.Equal("QG0019", warning.GetProperty("code").GetString());
            Assert.Contains($"this run of {project} is not part of a solution run", warning.GetProperty("message").GetString());
            Assert.Contains("warnings", GateReports.In(folder).TestCases);
            Assert.Contains("<code>QG0019</code>", File.ReadAllText(Path.Combine(folder, "gates.html")));
        }
    }

    [Fact]
    public async Task TwoRunsOfTheSolutionAtOnceEachGetTheirOwnVerdict()
    {
        var workspace = Shared.Get(output);
        var before = Reports(workspace);

        var failing = Task.Run(() => workspace.TestNative(["--solution", "Shop.slnx", "--no-restore"], new Dictionary<string, string> { ["QG_FAIL"] = "1", ["QG_SLEEP"] = "4000" }));
        await Task.Delay(1000);
        var passing = Task.Run(() => workspace.TestNative(["--solution", "Shop.slnx", "--no-restore"]));
        var (failed, passed) = (await failing, await passing);

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("Test pass rate 75.0% is below the development minimum of 90.0% (3 of 4 passed)", failed.Output);
        Assert.Equal(0, passed.ExitCode);
        Assert.DoesNotContain("QG2001", passed.Output);
        // Two verdicts, each over both projects of its own run: one blocked (3 of 4 passed), one passed (4 of 4).
        var verdicts = Reports(workspace).Except(before).Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Select(r => (r.GetProperty("allPassed").GetBoolean(), r.GetProperty("metrics").GetProperty("tests").GetProperty("passed").GetInt32(), r.GetProperty("projects").GetArrayLength()))
            .Order().ToList();
        Assert.Equal([(false, 3, 2), (true, 4, 2)], verdicts);
    }

    private static IReadOnlyList<string> Reports(Workspace workspace) =>
        Directory.Exists(workspace.FullPath(".quality-gates")) ? Directory.GetFiles(workspace.FullPath(".quality-gates"), "report-*.json") : [];

    private static void SetUp(Workspace workspace)
    {
        workspace.Write("global.json", """
            { "sdk": { "version": "10.0.100", "rollForward": "latestFeature", "allowPrerelease": false },
              "test": { "runner": "Microsoft.Testing.Platform" } }
            """);
        workspace.Write("Directory.Solution.targets", SolutionScopeTests.DocumentedHook());
        // The settings are baked into each test application when it is built: set them for all projects here.
        workspace.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <QualityGatesScope>Solution</QualityGatesScope>
                <QualityGatesContext>development</QualityGatesContext>
                <QualityGatesMinTestPassRate>0.9</QualityGatesMinTestPassRate>
                <QualityGatesChecks>Tests</QualityGatesChecks>
              </PropertyGroup>
            </Project>
            """);
        foreach (var (name, tests) in new[]
        {
            ("A.Tests", """
                [Fact] public void Adds() => Assert.Equal(2, 1 + 1);
                [Fact] public void FailsOnRequest() => Assert.True(System.Environment.GetEnvironmentVariable("QG_FAIL") != "1", "fails on purpose");
                """),
            ("B.Tests", """
                [Fact] public void Multiplies() => Assert.Equal(6, 2 * 3);
                [Fact] public void SleepsOnRequest() => System.Threading.Thread.Sleep(int.Parse(System.Environment.GetEnvironmentVariable("QG_SLEEP") ?? "0"));
                """),
        })
        {
            TestingPlatformConsumer.TestApplication()
                .ItemPackageReference("xunit.v3", "4.0.3")
                .ItemPackageReference("QualityGates.MSBuild", workspace.Feed.Version, privateAssets: "all")
                .Save(workspace.FullPath(name, name + ".csproj"));
            workspace.Write($"{name}/Tests.cs", $"using Xunit;\n\npublic class {name.Replace(".", string.Empty)}\n{{\n{tests}\n}}\n");
        }

        workspace.DotnetOrThrow(["new", "sln", "-n", "Shop", "--format", "slnx"]);
        workspace.DotnetOrThrow(["sln", "Shop.slnx", "add", "A.Tests/A.Tests.csproj", "B.Tests/B.Tests.csproj"]);
        workspace.DotnetOrThrow(["build", "Shop.slnx", "-tl:off"]);
    }
}
