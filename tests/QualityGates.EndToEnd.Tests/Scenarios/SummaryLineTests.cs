using System.Text.Json;
using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>The one-line verdict in every console mode, production's fail-closed rule, and the test assembly left out of coverage.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class SummaryLineTests(ITestOutputHelper output)
{
    private const string Passed = "QualityGates: PASSED (staging) Lib.Tests 1.0.0 · tests 49/50 (98.0% ≥ 95.0%, 1 failed test tolerated) · skipped: line coverage (no coverage results were given) · reports: ";

    [Theory]
    [InlineData("-tl:on")]
    [InlineData("-tl:off")]
    public void ThePassingRunLeavesOneSummaryLineThatNamesTheToleratedFailure(string terminalLogger)
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test([terminalLogger], new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Passed, run.Output);
        Assert.Contains("QG2013", run.WarningCodes);
        // Under the terminal logger the line is warning QG5006 (it hides messages); the console logger shows a message.
        Assert.Equal(terminalLogger == "-tl:on", run.WarningCodes.Contains("QG5006"));
    }

    [Fact]
    public void AProductionRunWithoutCoverageFailsAndSaysHowToCollectIt()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["-p:QualityGatesContext=production", "-tl:off"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2002"], run.GateErrorCodes);
        var error = Assert.Single(run.Errors);
        Assert.Contains("No coverage results were given, and the production context requires it. Collect coverage: dotnet test --collect \"XPlat Code Coverage\"", error);
        Assert.Contains("QualityGates: FAILED (production) Lib.Tests 1.0.0 · tests 50/50 (100.0% ≥ 98.0%) · line coverage FAIL (no coverage results were given)", run.Output);
    }

    [Fact]
    public void MicrosoftCodeCoverageNoLongerCountsTheTestAssembly()
    {
        var workspace = SharedConsumer.Get(output);

        var run = workspace.Test(["--collect", "Code Coverage;Format=cobertura", "-p:QualityGatesContext=development", "-tl:off"],
            new Dictionary<string, string> { ["QG_PARTIAL_COVERAGE"] = "1" });

        var latest = workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates", "latest.json");
        using var json = JsonDocument.Parse(File.ReadAllText(latest));
        var coverage = json.RootElement.GetProperty("metrics").GetProperty("coverage");
        Assert.Equal(["Lib"], coverage.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var excluded = coverage.GetProperty("excluded");
        Assert.Equal(["exclude assemblies Lib.Tests"], excluded.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Lib.Tests", Assert.Single(excluded.GetProperty("assemblies").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains("· line coverage ", run.Output);
    }
}
