using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>The benchmark gates through the task's QualityGatesBenchmarkFiles and QualityGatesBenchmarkBaselineFiles settings, as the build log shows them.</summary>
public sealed class BenchmarkTaskTests : IDisposable
{
    private const string SumCsv = "QualityGates.BenchmarkSubject.ParseBenchmarks.SumCsv";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TaskRun Run(string current, string? baseline)
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        return run.Set("BenchmarkFiles", Fixtures.Path("benchmarks", current, "*-report-full.json"))
            .Set("BenchmarkBaselineFiles", baseline is null ? [] : [Fixtures.Path("benchmarks", baseline, "*-report-full.json")])
            .Set("Checks", "Benchmarks");
    }

    [Fact]
    public void ARegressedBenchmarkIsOneErrorPerGateNamingIt()
    {
        var run = Run("regressed", "base");

        Assert.False(run.Execute());

        Assert.Equal(["QG2050", "QG2051"], run.Engine.Errors.Select(e => e.Code));
        Assert.All(run.Engine.Errors, e => Assert.Contains(SumCsv, e.Message, StringComparison.Ordinal));
        Assert.Equal("Failed", run.Result("benchmarks.time").GetMetadata("Status"));
    }

    [Fact]
    public void ABaselineWithoutBenchmarkFilesNamesTheProperties()
    {
        var run = Run("base", "base");
        run.Set("BenchmarkFiles", []);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0009", error.Code);
        Assert.Contains("QualityGatesBenchmarkBaselineFiles names a baseline, but QualityGatesBenchmarkFiles names no benchmark results", error.Message, StringComparison.Ordinal);
    }
}
