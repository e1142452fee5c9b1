using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// The benchmark gates through MSBuild properties in a real <c>dotnet test</c>: the shared consumer's tests run as
/// always, and BenchmarkDotNet exports (the real runs of tests/fixtures/benchmarks) are judged against a baseline.
/// </summary>
[Collection(SharedConsumer.Collection)]
public sealed class BenchmarkGateTests(ITestOutputHelper output)
{
    private const string SumCsv = "QualityGates.BenchmarkSubject.ParseBenchmarks.SumCsv";

    /// <summary>A fixture run copied into the workspace, as the glob of its full exports.</summary>
    private static string Copy(Workspace workspace, string run)
    {
        foreach (var file in Directory.GetFiles(Fixtures.Path("benchmarks", run), "*-report-full.json"))
        {
            workspace.Write($"bench/{run}/{Path.GetFileName(file)}", File.ReadAllText(file));
        }

        return workspace.FullPath("bench", run, "*-report-full.json");
    }

    [Fact]
    public void PassesARerunAndFailsARegressionNamingOnlyTheRegressedBenchmark()
    {
        var workspace = SharedConsumer.Get(output);
        var baseline = Copy(workspace, "base");
        string[] Properties(string run, string reports) =>
            ["-p:QualityGatesBenchmarkFiles=" + Copy(workspace, run), "-p:QualityGatesBenchmarkBaselineFiles=" + baseline, "-p:QualityGatesReportDirectory=" + reports, "-tl:off"];

        var rerun = workspace.Test(Properties("rerun", workspace.FullPath("bench-reports", "rerun")));
        var regressed = workspace.Test(Properties("regressed", workspace.FullPath("bench-reports", "regressed")));

        Assert.Equal(0, rerun.ExitCode);
        Assert.Empty(rerun.GateErrorCodes);
        Assert.Equal("PASS", GateTable.Row(rerun.Output, "benchmarks.time").Status);
        Assert.Equal("PASS", GateTable.Row(rerun.Output, "benchmarks.allocated").Status);

        Assert.NotEqual(0, regressed.ExitCode);
        Assert.Equal(["QG2050", "QG2051"], regressed.GateErrorCodes);
        Assert.All(regressed.Errors, e => Assert.Contains(SumCsv, e, StringComparison.Ordinal));
        Assert.All(regressed.Errors, e => Assert.DoesNotContain("TextBenchmarks", e, StringComparison.Ordinal));
        Assert.Equal(("FAIL", "∞"), GateTable.Row(regressed.Output, "benchmarks.allocated"));
        var reports = GateReports.In(workspace.FullPath("bench-reports", "regressed"));
        Assert.Equal([$"benchmarks.time[{SumCsv}]", $"benchmarks.allocated[{SumCsv}]"], reports.Failures);
        Assert.Contains("tests.pass_rate", reports.TestCases);
    }
}
