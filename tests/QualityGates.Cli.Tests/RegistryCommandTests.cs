using System.Text.Json;

namespace QualityGates.Cli.Tests;

/// <summary><c>approve</c>, <c>reject</c>, <c>status</c>, <c>history</c> and <c>approved</c> through the CLI, on reports made by <c>check</c>.</summary>
public sealed class RegistryCommandTests
{
    [Fact]
    public void ApprovesFromAPassingReportMadeByCheck()
    {
        using var cli = new RegistryCli();
        var report = cli.GateReport("guard:1.0", "staging");

        var run = cli.Run("approve", "--report", report, "--approved-by", "alice@example.com", "--notes", "Passed all staging gates", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(("approved", "guard", "1.0", "staging", "alice@example.com"),
            (root.GetProperty("kind").GetString(), root.GetProperty("model").GetString(), root.GetProperty("version").GetString(),
             root.GetProperty("context").GetString(), root.GetProperty("by").GetString()));
        Assert.Equal(report, root.GetProperty("report").GetProperty("file").GetString());
        var summary = root.GetProperty("report").GetProperty("summary");
        Assert.Equal((1, 0), (summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32())); // tests only; the rest skipped
        Assert.Single(File.ReadAllLines(cli.FileOf("guard")));
    }

    [Fact]
    public void AnApprovalFromAWaivedReportKeepsTheWaiverInTheHistory()
    {
        using var cli = new RegistryCli(("QUALITYGATES_TODAY", "2026-11-30"));
        var waivers = Path.Combine(cli.Root, "qualitygates.waivers.json");
        File.WriteAllText(waivers, """
            { "waivers": [ { "gate": "coverage.line", "owner": "alice@example.com", "reason": "legacy module being rewritten", "expires": "2026-12-20" } ] }
            """);
        var reports = Path.Combine(cli.Root, "reports");
        var check = CliRun.In(cli.Environment, ["check", "--context", "production", "--model", "guard:1.0", "--test-results", Fixtures.Path("trx", "guardclauses-xunit-failskip.trx"),
            "--coverage", Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml"), "--waivers", waivers, "--report-dir", reports]);
        Assert.Equal(0, check.ExitCode);

        var approve = cli.Run("approve", "--report", Path.Combine(reports, "latest.json"), "--approved-by", "bob@example.com");
        var history = cli.Run("history", "--model", "guard:1.0");

        Assert.Equal(0, approve.ExitCode);
        Assert.Contains("[waived gate coverage.line by alice@example.com until 2026-12-20: legacy module being rewritten]", history.Output);
    }

    [Fact]
    public void AHandApprovalAfterABlockedGateNeedsAnOverrideThatHistoryStatusAndCanDeployShow()
    {
        using var cli = new RegistryCli();
        var blocked = CliRun.In(cli.Environment, ["check", "--context", "staging", "--model", "guard:1.0", "--test-results", Fixtures.Path("trx", "guardclauses-xunit-failskip.trx"),
            "--coverage", Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml"), "--report-dir", Path.Combine(cli.Root, "reports"),
            "--approve-on-pass", "--registry", cli.Folder]);
        Assert.Equal(1, blocked.ExitCode);

        var plain = cli.Run("approve", "--model", "guard:1.0", "--context", "staging", "--approved-by", "mallory");
        var noReason = cli.Run("approve", "--model", "guard:1.0", "--context", "staging", "--override-block");
        var reasonAlone = cli.Run("approve", "--model", "guard:1.0", "--context", "staging", "--reason", "why");
        var overridden = cli.Run("approve", "--model", "guard:1.0", "--context", "staging", "--approved-by", "alice", "--override-block", "--reason", "coverage tool miscounts generated code");
        var history = cli.Run("history", "--model", "guard:1.0");
        var status = cli.Run("status", "--model", "guard:1.0", "--context", "staging", "--json");
        var canDeploy = cli.Run("can-deploy", "--model", "guard:1.0", "--context", "staging", "--json");

        Assert.Equal((1, 2, 2, 0), (plain.ExitCode, noReason.ExitCode, reasonAlone.ExitCode, overridden.ExitCode));
        Assert.Equal(["QG3030"], plain.ErrorCodes);
        Assert.Contains("error QG3030 : guard:1.0 was blocked by its latest staging gate run (recorded by ci-runner at ", plain.Error);
        Assert.Contains("approve --override-block --reason \"why\"", plain.Error);
        Assert.Equal(["QG4001"], noReason.ErrorCodes);
        Assert.Equal(["QG4001"], reasonAlone.ErrorCodes);
        Assert.StartsWith("Approved guard:1.0 for staging by alice [override of a blocked gate run: coverage tool miscounts generated code].", overridden.Output);
        Assert.Contains("approved     by alice [override of a blocked gate run: coverage tool miscounts generated code]", history.Output);
        using var statusJson = JsonDocument.Parse(status.Output);
        var staging = statusJson.RootElement.GetProperty("contexts")[0];
        Assert.True(staging.GetProperty("override").GetBoolean());
        Assert.Equal("coverage tool miscounts generated code", staging.GetProperty("decision").GetProperty("override").GetString());
        Assert.Equal(0, canDeploy.ExitCode);
        using var canDeployJson = JsonDocument.Parse(canDeploy.Output);
        Assert.True(canDeployJson.RootElement.GetProperty("override").GetBoolean());
        Assert.EndsWith("overriding its blocked gate run: coverage tool miscounts generated code", canDeployJson.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void RefusesAFailingReportWithExitOneAndTheReason()
    {
        using var cli = new RegistryCli();
        var report = cli.GateReport("guard:1.0", "production", failing: true);

        var run = cli.Run("approve", "--model", "guard:1.0", "--context", "production", "--report", report);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG3002"], run.ErrorCodes);
        Assert.Contains($"{report}: error QG3002 : Report '{report}' did not pass: 1 of 2 checks failed (coverage.line)", run.Error);
        Assert.False(File.Exists(cli.FileOf("guard")));
    }

    [Theory]
    [InlineData("guard:2.0", "staging", "is for guard:1.0, not guard:2.0")]
    [InlineData("other:1.0", "staging", "is for guard:1.0, not other:1.0")]
    [InlineData("guard:1.0", "production", "was run for staging, not production")]
    public void RefusesAReportForAnotherModelVersionOrContextWithExitTwo(string model, string context, string expected)
    {
        using var cli = new RegistryCli();
        var report = cli.GateReport("guard:1.0", "staging");

        var run = cli.Run("approve", "--model", model, "--context", context, "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG3003"], run.ErrorCodes);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void ApprovalByHandDefaultsToTheCiUser()
    {
        using var cli = new RegistryCli(("BUILD_USER", "jenkins-bob"), ("USER", "root"));

        var run = cli.Run("approve", "--model", "veran:v6.2", "--context", "production");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Approved veran:v6.2 for production by jenkins-bob.\nRecorded in {cli.FileOf("veran")}.\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RegistryFolderComesFromTheEnvironmentWhenNotGiven()
    {
        using var cli = new RegistryCli(("QUALITYGATES_REGISTRY", "placeholder"), ("USER", "ci"));
        cli.Environment["QUALITYGATES_REGISTRY"] = Path.Combine(cli.Root, "from-env");

        var run = CliRun.In(cli.Environment, "approve", "--model", "veran:v1", "--context", "staging");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(cli.Root, "from-env", "veran.jsonl")));
    }

    [Fact]
    public void StatusAndHistoryAcrossContexts()
    {
        using var cli = new RegistryCli();
        cli.Run("approve", "--model", "veran:v6.2", "--context", "staging", "--approved-by", "qa", "--notes", "staging ok");
        cli.Run("approve", "--model", "veran:v6.2", "--context", "production", "--approved-by", "alice");
        cli.Run("reject", "--model", "veran:v6.2", "--context", "production", "--reason", "Security vulnerabilities found", "--rejected-by", "bob");
        cli.Run("approve", "--model", "veran:v6.3", "--context", "staging", "--approved-by", "qa");

        var status = cli.Run("status", "--model", "veran:v6.2", "--json");
        var one = cli.Run("status", "--model", "veran:v6.2", "--context", "production");
        var history = cli.Run("history", "--model", "veran:v6.2", "--json");
        var text = cli.Run("history", "--model", "veran:v6.2");

        using var statusJson = JsonDocument.Parse(status.Output);
        var contexts = statusJson.RootElement.GetProperty("contexts").EnumerateArray().ToList();
        Assert.Equal(["development:none:False", "staging:approved:True", "production:rejected:False"],
            contexts.Select(c => $"{c.GetProperty("context").GetString()}:{c.GetProperty("status").GetString()}:{c.GetProperty("approved").GetBoolean()}"));
        Assert.Equal(JsonValueKind.Null, contexts[0].GetProperty("decision").ValueKind);
        Assert.Equal("Security vulnerabilities found", contexts[2].GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal(cli.Folder, statusJson.RootElement.GetProperty("registry").GetString());

        var lines = one.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("veran:v6.2", lines[0]);
        Assert.Matches(@"^  production   rejected     \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z  by bob: Security vulnerabilities found$", lines[1]);
        Assert.Equal(2, lines.Length);

        using var historyJson = JsonDocument.Parse(history.Output);
        Assert.Equal(["staging approved qa", "production approved alice", "production rejected bob"],
            historyJson.RootElement.GetProperty("records").EnumerateArray()
                .Select(r => $"{r.GetProperty("context").GetString()} {r.GetProperty("kind").GetString()} {r.GetProperty("by").GetString()}"));
        Assert.Equal(3, text.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("  v6.2  staging      approved     by qa: staging ok", text.Output);

        var whole = cli.Run("history", "--model", "veran", "--context", "staging", "--json");
        using var wholeJson = JsonDocument.Parse(whole.Output);
        Assert.Equal(["v6.2", "v6.3"], wholeJson.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("version").GetString()));
    }

    [Fact]
    public void ApprovedListsVersionsNewestFirst()
    {
        using var cli = new RegistryCli();
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            cli.Run("approve", "--model", $"veran:{version}", "--context", "production", "--approved-by", "alice");
        }

        cli.Run("reject", "--model", "veran:v2", "--context", "production", "--reason", "regression");

        var json = cli.Run("approved", "--model", "veran", "--context", "production", "--json");
        var text = cli.Run("approved", "--model", "veran", "--context", "production");
        var none = cli.Run("approved", "--model", "veran", "--context", "development");

        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(["v3", "v1"], document.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(["v3", "v1"], text.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
        Assert.Equal("No version of veran is approved for development.\n", none.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CorruptLinesAreWarnedAboutWithFileAndLineAndSkipped()
    {
        using var cli = new RegistryCli();
        cli.Run("approve", "--model", "veran:v1", "--context", "staging", "--approved-by", "qa");
        File.AppendAllText(cli.FileOf("veran"), "{\"schemaVersion\":1,\"id\":\"torn\n");
        cli.Run("approve", "--model", "veran:v1", "--context", "production", "--approved-by", "alice");

        var run = cli.Run("status", "--model", "veran:v1", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["QG3001"], run.WarningCodes);
        Assert.StartsWith($"{cli.FileOf("veran")}(2): warning QG3001 : The line is not a valid registry record and is skipped", run.Error);
        using var json = JsonDocument.Parse(run.Output); // stdout holds the JSON alone
        Assert.Equal(["none", "approved", "approved"], json.RootElement.GetProperty("contexts").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray().ToList());
        Assert.Equal(2, warning.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "approve", "--model", "../x:v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "approve", "--model", "a/b:v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "approve", "--model", "veran:../../v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "approve", "--model", "bad\u0007name:v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "approve", "--model", "CON:v1", "--context", "staging" }, "QG3004")]
    [InlineData(new[] { "approve", "--model", "veran:v1", "--context", "prod" }, "QG0001")]
    [InlineData(new[] { "approve", "--model", "veran:v1" }, "QG4001")]
    [InlineData(new[] { "approve", "--model", "veran:v1", "--context", "staging", "--approved-by", "evil\u001b[2J" }, "QG3005")]
    [InlineData(new[] { "approve", "--report", "missing.json" }, "QG1001")]
    [InlineData(new[] { "reject", "--model", "veran:v1", "--context", "staging" }, "QG4001")]
    [InlineData(new[] { "reject", "--model", "veran:v1", "--context", "staging", "--reason", " " }, "QG4001")] // an empty value is a usage error (an unset CI variable must not act as leaving the option out)
    [InlineData(new[] { "reject", "--model", "veran:v1", "--context", "staging", "--reason", "a\u202Eb" }, "QG3005")]
    [InlineData(new[] { "status", "--model", "veran" }, "QG0005")]
    [InlineData(new[] { "history", "--model", "../etc" }, "QG0005")]
    [InlineData(new[] { "approved", "--model", "veran:v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "approved", "--model", "veran" }, "QG4001")]
    public void BadInputExitsTwoWithACodedErrorAndWritesNothing(string[] args, string code)
    {
        using var cli = new RegistryCli();

        var run = cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.ErrorCodes);
        Assert.Equal(string.Empty, run.Output);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(Directory.Exists(cli.Folder));
    }
}
