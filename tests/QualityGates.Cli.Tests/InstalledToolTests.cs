using System.Text.Json;
using Xunit.Abstractions;

namespace QualityGates.Cli.Tests;

/// <summary>
/// The registry verbs through the real installed <c>dotnet tool</c> (packed, installed from a private
/// feed, run as its own process), with the registry found through <c>QUALITYGATES_REGISTRY</c>.
/// </summary>
public sealed class InstalledToolTests(InstalledTool tool, ITestOutputHelper output) : IClassFixture<InstalledTool>, IDisposable
{
    private readonly TempDirectory _work = new();

    [Fact]
    public void ChecksApprovesFromTheReportAndAnswersStatusAndCanDeploy()
    {
        var env = Environment(("QUALITYGATES_USER", "tool-user"));
        var reports = Path.Combine(_work.Path, "reports");

        var check = Tool(env, "check", "--context", "staging", "--model", "guard:1.0",
            "--test-results", Fixtures.Path("trx", "guardclauses-xunit-failskip.trx"), "--report-dir", reports);
        var approve = Tool(env, "approve", "--report", Path.Combine(reports, "latest.json"), "--notes", "installed tool");
        var status = Tool(env, "status", "--model", "guard:1.0", "--json");
        var staging = Tool(env, "can-deploy", "--model", "guard:1.0", "--context", "staging");
        var production = Tool(env, "can-deploy", "--model", "guard:1.0", "--context", "production", "--json");

        Assert.Equal(0, check.ExitCode);
        Assert.Equal(0, approve.ExitCode);
        Assert.StartsWith("Approved guard:1.0 for staging by tool-user: installed tool [report 1 passed, 0 failed, 1 skipped: ", approve.Output);
        Assert.Equal(0, status.ExitCode);
        using (var json = JsonDocument.Parse(status.Output))
        {
            Assert.Equal(Registry, json.RootElement.GetProperty("registry").GetString());
            Assert.Equal(["none", "approved", "none"], json.RootElement.GetProperty("contexts").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
            Assert.Equal("tool-user", json.RootElement.GetProperty("contexts")[1].GetProperty("decision").GetProperty("by").GetString());
        }

        Assert.Equal(0, staging.ExitCode);
        Assert.StartsWith("yes: guard:1.0 is approved for staging by tool-user at ", staging.Output);
        Assert.Equal(1, production.ExitCode);
        using (var json = JsonDocument.Parse(production.Output))
        {
            Assert.Equal("not-approved", json.RootElement.GetProperty("verdict").GetString());
            Assert.Equal("guard:1.0 is not approved for production (it is approved for staging).", json.RootElement.GetProperty("reason").GetString());
        }

        Assert.Single(File.ReadAllLines(Path.Combine(Registry, "guard.jsonl")));
    }

    [Fact]
    public void RefusesAFailingReportAndHostileNamesAndSaysNoAfterARejection()
    {
        var env = Environment(("USER", "os-user"));
        var reports = Path.Combine(_work.Path, "reports");
        var check = Tool(env, "check", "--context", "production", "--model", "guard:2.0",
            "--test-results", Fixtures.Path("trx", "guardclauses-xunit-failskip.trx"),
            "--coverage", Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml"), "--report-dir", reports);

        var failing = Tool(env, "approve", "--report", Path.Combine(reports, "latest.json"));
        var hostile = Tool(env, "approve", "--model", "../x:v1", "--context", "staging");
        var byHand = Tool(env, "approve", "--model", "guard:2.0", "--context", "staging");
        var reject = Tool(env, "reject", "--model", "guard:2.0", "--context", "staging", "--reason", "Security vulnerabilities found");
        var canDeploy = Tool(env, "can-deploy", "--model", "guard:2.0", "--context", "staging");

        Assert.Equal(1, check.ExitCode);
        Assert.Equal(1, failing.ExitCode);
        Assert.Equal(["QG3002"], failing.ErrorCodes);
        Assert.Equal(2, hostile.ExitCode);
        Assert.Equal(["QG0005"], hostile.ErrorCodes);
        Assert.Equal((0, 0), (byHand.ExitCode, reject.ExitCode));
        Assert.Equal(1, canDeploy.ExitCode);
        Assert.StartsWith("no: guard:2.0 was rejected for staging after its approval, by os-user at ", canDeploy.Output);
        Assert.Equal(["guard.jsonl"], Directory.GetFiles(Registry).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(_work.Path, "x.jsonl"))); // where "../x" would have landed
    }

    [Fact]
    public void APlantedGitInTheCheckoutOrBesideTheToolNeverRuns()
    {
        // A pull request commits an executable "git" at the repository root, which is the current folder
        // of the check; the same file beside the tool's own executable. Only the git on PATH may run.
        var marker = Path.Combine(_work.Path, "planted-git-ran");
        var planted = $"#!/bin/sh\ntouch '{marker}'\nexit 0\n";
        var repo = GitRepository.Init(Path.Combine(_work.Path, "repo"));
        repo.Write("src/Lib/Calc.cs", "// one\n");
        repo.Commit("base");
        repo.Git("checkout", "--quiet", "-b", "feature");
        repo.Write("src/Lib/Calc.cs", "// one\n// two\n// three\n");
        Executable(repo.Write("git", planted));
        repo.Commit("a planted git");
        var besideTool = Executable(Path.Combine(Path.GetDirectoryName(tool.ToolPath)!, "git"), planted);
        var coverage = Path.Combine(_work.Path, "coverage.xml");
        File.WriteAllText(coverage, """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="1" branch-rate="1" version="1.9" timestamp="1">
              <sources><source>.</source></sources>
              <packages><package name="Lib" line-rate="1" branch-rate="1"><classes>
                <class name="Calc" filename="src/Lib/Calc.cs" line-rate="1" branch-rate="1"><methods /><lines>
                  <line number="2" hits="1" /><line number="3" hits="0" />
                </lines></class>
              </classes></package></packages>
            </coverage>
            """);

        try
        {
            var run = tool.Run(repo.Path, Environment(), "check", "--context", "development", "--checks", "coverage", "--coverage", coverage,
                "--new-code", "--base-ref", "main", "--min-new-code-lines", "1", "--json");

            Assert.False(File.Exists(marker));
            using var json = JsonDocument.Parse(run.Output);
            var newCode = json.RootElement.GetProperty("metrics").GetProperty("newCode");
            Assert.Equal((1, 2), (newCode.GetProperty("linesCovered").GetInt32(), newCode.GetProperty("linesValid").GetInt32()));
        }
        finally
        {
            File.Delete(besideTool);
        }
    }

    private static string Executable(string path, string? content = null)
    {
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    [Fact]
    public void PacksTheToolForNuGetOrgWithItsRuntimeClosureOnlyAndSymbolsEmbedded()
    {
        const string Tool = "tools/net8.0/any/";
        using var package = PackedPackage.In(Path.Combine(tool.Root, "feed"), "QualityGates.Cli");

        string[] expected =
        [
            "LICENSE", "README.md", "icon.png",
            Tool + "DotnetToolSettings.xml", Tool + "qualitygates.dll", Tool + "qualitygates.runtimeconfig.json",
            // Everything the tool's deps.json says it loads (the engine among them); no .xml documentation or .pdb.
            .. package.RuntimeClosure(Tool, "qualitygates.deps.json"),
        ];

        Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), package.Files);
        Assert.Equal("QualityGates.Cli", package.Meta("id"));
        Assert.Equal("DotnetTool", (string?)package.Metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name"));
        Assert.Empty(package.ProblemsForNuGetOrg([Tool + "qualitygates.dll", Tool + "QualityGates.Core.dll"]));
    }

    public void Dispose()
    {
        output.WriteLine($"tool version {tool.Version} in {tool.Root}");
        output.WriteLine(tool.Transcript);
        _work.Dispose();
    }

    private string Registry => Path.Combine(_work.Path, "shared-registry");

    private Dictionary<string, string?> Environment(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string?> { ["QUALITYGATES_REGISTRY"] = Registry };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    private ProcessRun Tool(Dictionary<string, string?> env, params string[] args) => tool.Run(_work.Path, env, args);
}
