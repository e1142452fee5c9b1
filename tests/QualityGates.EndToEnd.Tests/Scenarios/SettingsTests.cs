using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>Bad settings and strict mode: coded errors naming the property or file, no reports.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class SettingsTests(ITestOutputHelper output)
{
    [Fact]
    public void ReportsEachBadPropertyValueOnceNamingTheProperty()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesContext=prod", "-p:QualityGatesMinTestPassRate=95", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG0001", "QG0003"], run.ErrorCodes);
        Assert.Contains("QualityGatesContext is 'prod'", run.Errors[0]);
        Assert.Contains("QualityGatesMinTestPassRate is 95", run.Errors[1]);
        Assert.All(run.Errors, e => Assert.Contains("Lib.Tests.csproj", e));
        Assert.False(Directory.Exists(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")));
    }

    [Fact]
    public void NamesAMissingMetricsFile()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesModelMetricsFile=metrics/model.json", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG1001"], run.ErrorCodes);
        Assert.Contains(Path.Combine(GatedConsumer.TestsFolder, "metrics", "model.json"), run.Errors[0]);
    }

    [Fact]
    public void FailsAMissingInputInStrictMode()
    {
        var workspace = SharedConsumer.Get(output);

        // No coverage collector: the coverage input is missing.
        var run = workspace.Test(["-p:QualityGatesStrict=true", "-p:QualityGatesChecks=Tests%3BCoverage", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2002"], run.ErrorCodes);
        Assert.Contains("strict mode requires it", run.Errors[0]);
        Assert.Equal(("FAIL", "-"), GateTable.Row(run.Output, "coverage.line"));
    }

    [Fact]
    public void DoesNothingWhenDisabled()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesEnabled=false", "-tl:off"], new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        // Without the gate, dotnet test fails on the failed test as it always does.
        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.GateErrorCodes);
        Assert.DoesNotContain("Quality gates", run.Output);
        Assert.False(Directory.Exists(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")));
    }
}
