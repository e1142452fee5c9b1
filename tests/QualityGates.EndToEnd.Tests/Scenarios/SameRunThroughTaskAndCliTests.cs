using System.Text.Json;
using System.Text.Json.Nodes;
using QualityGates.Cli;
using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// The MSBuild task and <c>qualitygates check</c> are two adapters over one engine entry: the same
/// inputs give the same JSON report (apart from times and file names), the same codes and the same
/// registry records. Shown with FailOnAnyTestFailure and one failing test, the case where the verdict
/// used to be decided outside the gate: the report says blocked, QualityGatesBlocked runs and the
/// registry records a block, approving nothing.
/// </summary>
[Collection(SharedConsumer.Collection)]
public sealed class SameRunThroughTaskAndCliTests(ITestOutputHelper output)
{
    private const string Version = "2.0.0";
    private const string ApprovedBy = "qa@example.com";

    [Fact]
    public void DotnetTestAndTheCliGiveTheSameReportCodesAndRegistryRecords()
    {
        var workspace = SharedConsumer.Get(output);
        HookTargets.Clear(workspace);
        workspace.DeleteDirectory("registry-task");
        workspace.DeleteDirectory("registry-cli");
        workspace.DeleteDirectory("cli-reports");
        var coverage = workspace.FullPath(GatedConsumer.TestsFolder, "coverage.cobertura.xml");
        File.Delete(coverage);

        var test = workspace.Test([HookTargets.Argument(workspace), "-p:CollectCoverage=true", "-p:CoverletOutputFormat=cobertura",
            // Both run every group of checks, and the CLI leaves out the test assembly as the task does by default.
            "-p:QualityGatesContext=development", "-p:QualityGatesChecks=All", "-p:QualityGatesFailOnAnyTestFailure=true",
            "-p:QualityGatesApproveOnPass=true", "-p:QualityGatesModelVersion=" + Version, "-p:QualityGatesRegistry=../registry-task",
            "-p:QualityGatesApprovedBy=" + ApprovedBy, "-tl:off"],
            new Dictionary<string, string> { ["QG_FAILCOUNT"] = "1" });

        // 49 of 50 pass (development's pass rate is met); tests.any_failure alone blocks.
        Assert.Equal(1, test.ExitCode);
        Assert.Equal(["QG2012"], test.GateErrorCodes);
        Assert.Equal(["tests.any_failure QG2012 1 0"], HookTargets.Read(workspace, HookTargets.BlockedFile));
        Assert.Null(HookTargets.Read(workspace, HookTargets.PassedFile));
        var taskReport = File.ReadAllText(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates", "latest.json"));
        var trx = SourceFile(taskReport, "tests");
        Assert.True(File.Exists(coverage), "coverlet.msbuild wrote no coverage file");

        var (exitCode, cliOutput, cliError) = Cli(["check", "--context", "development", "--checks", "all", "--coverage-exclude-assembly", GatedConsumer.TestsFolder, "--model", $"{GatedConsumer.TestsFolder}:{Version}",
            "--test-results", trx, "--coverage", coverage, "--fail-on-any-test-failure",
            "--report-dir", workspace.FullPath("cli-reports"), "--approve-on-pass", "--approved-by", ApprovedBy,
            "--registry", workspace.FullPath("registry-cli")]);

        Assert.Equal(1, exitCode);
        Assert.Equal(["QG2012"], Codes(cliError, "error"));
        Assert.Equal(test.WarningCodes.Where(c => c.StartsWith("QG", StringComparison.Ordinal)), Codes(cliError, "warning"));
        Assert.Contains("tests.any_failure", cliOutput);
        var cliReport = File.ReadAllText(workspace.FullPath("cli-reports", "latest.json"));
        Assert.Equal(Normalized(taskReport), Normalized(cliReport));
        Assert.False(JsonNode.Parse(taskReport)!["allPassed"]!.GetValue<bool>());

        var taskRecord = Assert.Single(File.ReadAllLines(workspace.FullPath("registry-task", GatedConsumer.TestsFolder + ".jsonl")));
        var cliRecord = Assert.Single(File.ReadAllLines(workspace.FullPath("registry-cli", GatedConsumer.TestsFolder + ".jsonl")));
        Assert.Equal("blocked", JsonNode.Parse(taskRecord)!["kind"]!.GetValue<string>());
        Assert.Equal(Normalized(taskRecord, "id"), Normalized(cliRecord, "id"));
    }

    private (int ExitCode, string Output, string Error) Cli(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The process environment, as dotnet test saw it: CI detection must agree on both sides.
        var exitCode = CliApplication.Run(args, stdout, stderr);
        output.WriteLine("> qualitygates " + string.Join(' ', args));
        output.WriteLine(stdout.ToString());
        output.WriteLine(stderr.ToString());
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static IReadOnlyList<string> Codes(string text, string category) =>
        System.Text.RegularExpressions.Regex.Matches(text, category + @" (QG\d{4}) :").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The first file of <c>metrics.&lt;section&gt;.sourceFiles</c> in a JSON report.</summary>
    private static string SourceFile(string report, string section) =>
        JsonNode.Parse(report)!["metrics"]![section]!["sourceFiles"]![0]!.GetValue<string>();

    /// <summary>The JSON with every time and file name replaced by a placeholder (and <paramref name="unique"/> fields dropped), indented.</summary>
    private static string Normalized(string json, params string[] unique)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var name in unique)
        {
            node.AsObject().Remove(name);
        }

        return Mask(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Mask(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Key is "timestamp" ? JsonValue.Create("<time>") : Mask(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Mask).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) && (Path.IsPathRooted(text) || text.EndsWith(".json", StringComparison.Ordinal))
            => JsonValue.Create("<file>"),
        _ => node?.DeepClone(),
    };
}
