using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>How the package meets VSTest: the fallback on unknown test targets, the user's own TRX, the standalone target.</summary>
[Collection(SharedConsumer.Collection)]
public sealed class IntegrationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> OneFails = new() { ["QG_FAILCOUNT"] = "1" };

    [Fact]
    public void FallsBackWithAWarningOnUnknownTestTargetsAndTheGateAloneDecidesTheExitCode()
    {
        var workspace = SharedConsumer.Get(output);
        // A hash no verified Microsoft.TestPlatform.targets has: the SDK's test targets are unknown.
        string[] unknown = ["-p:_QualityGatesVSTestTargetsHash=1"];

        var plain = workspace.Test([.. unknown, "-p:QualityGatesContext=development", "-tl:off"], OneFails);

        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("QG0008", plain.WarningCodes);
        Assert.Equal(("PASS", "98.0%"), GateTable.Row(plain.Output, "tests.pass_rate"));
        GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));

        // Under the terminal logger too, a failed test the gate tolerates does not fail the build, not even with -warnaserror.
        var terminal = workspace.Test([.. unknown, "-p:QualityGatesContext=development", "-tl:on", "-warnaserror"], OneFails);

        Assert.Equal(0, terminal.ExitCode);
        Assert.Contains("QG0008", terminal.WarningCodes);
        Assert.Empty(terminal.ErrorCodes);
        Assert.Empty(GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).Failures);

        // And a gate that fails still blocks, with its own error only.
        var blocked = workspace.Test([.. unknown, "-p:QualityGatesContext=development", "-p:QualityGatesMinTestPassRate=0.99", "-tl:on"], OneFails);

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Equal(["QG2001"], blocked.ErrorCodes);
    }

    [Fact]
    public void RunsTheGateInADotNetTaskHostAsNetFrameworkMSBuildDoes()
    {
        var workspace = SharedConsumer.Get(output);

        // .NET Framework MSBuild 18 runs the .NET tasks in a .NET task host; this takes that path under the SDK's MSBuild.
        var run = workspace.Test(["-p:_QualityGatesTaskHost=true", "-p:QualityGatesContext=development", "-p:QualityGatesMinTestPassRate=0.99", "-tl:off", "-v:d"], OneFails);

        Assert.Contains("Launching task \"EvaluateQualityGates\" from assembly", run.Output);
        Assert.Contains("in an external task host with a runtime of \"NET\"", run.Output);
        Assert.Equal(("FAIL", "98.0%"), GateTable.Row(run.Output, "tests.pass_rate"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(["QG2001"], run.ErrorCodes);
    }

    [Fact]
    public void KeepsTheUsersOwnTrxAndResultsDirectoryAndGatesTheNewestTrx()
    {
        var workspace = SharedConsumer.Get(output);
        var results = workspace.FullPath("my-results");

        var first = workspace.Test(["--logger", "trx;LogFileName=mine.trx", "--results-directory", results, "-p:QualityGatesContext=development", "-tl:off"], OneFails);

        Assert.Equal(0, first.ExitCode);
        Assert.True(File.Exists(Path.Combine(results, "mine.trx")));
        Assert.Empty(Directory.GetFiles(results, "QualityGates-*.trx"));
        Assert.Equal(("PASS", "98.0%"), GateTable.Row(first.Output, "tests.pass_rate"));

        // A plain trx logger names its file by time; the older mine.trx must not be read.
        var second = workspace.Test(["--logger", "trx", "--results-directory", results, "-p:QualityGatesContext=development", "-tl:off"],
            new Dictionary<string, string> { ["QG_FAILCOUNT"] = "2" });

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, Directory.GetFiles(results, "*.trx").Length);
        Assert.Equal(("PASS", "96.0%"), GateTable.Row(second.Output, "tests.pass_rate"));
    }

    [Fact]
    public void AddsItsOwnTrxNextToTheUsersOtherLoggersAndTheStandaloneTargetGatesIt()
    {
        var workspace = SharedConsumer.Get(output);

        var test = workspace.Test(["--logger", "console;verbosity=normal", "-tl:off"]);

        Assert.Equal(0, test.ExitCode);
        Assert.True(File.Exists(workspace.FullPath(GatedConsumer.TestsFolder, "TestResults", "QualityGates-Lib.Tests-net10.0.trx")));
        Assert.Contains("Passed CalculatorTests.AddsAndDescribes", test.Output);
        workspace.DeleteDirectory(Path.Combine(GatedConsumer.TestsFolder, ".quality-gates"));

        var run = workspace.Dotnet(["msbuild", GatedConsumer.ProjectPath, "-t:QualityGatesEvaluate",
            "-p:QualityGatesTestResultFiles=TestResults/QualityGates-*.trx", "-p:QualityGatesContext=production", "-p:QualityGatesStrict=false", "-tl:off"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("PASS", "100.0%"), GateTable.Row(run.Output, "tests.pass_rate"));
        Assert.Equal(["tests.pass_rate"], GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates")).TestCases.Take(1));

        var none = workspace.Dotnet(["msbuild", GatedConsumer.ProjectPath, "-t:QualityGatesEvaluate",
            "-p:QualityGatesTestResultFiles=nowhere/*.trx", "-tl:off"]);

        Assert.NotEqual(0, none.ExitCode);
        Assert.Equal(["QG1010"], none.ErrorCodes);
    }
}
