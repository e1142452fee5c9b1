namespace QualityGates.Cli.Tests.Golden;

/// <summary>
/// Every <c>--json</c> output of the CLI byte for byte against the committed files in this folder: a
/// registry story told through the verbs (approve from a waived report, approve, reject, deploy, roll back,
/// a torn registry line), then each query, <c>registry migrate</c> and <c>copy</c>, and <c>check --json</c>.
/// Record ids and times are made now, and the registry is in a temp folder: those are normalised
/// (<see cref="GoldenFile.WithoutIdsAndTimes"/>); nothing else.
/// </summary>
public sealed class GoldenCliJsonTests
{
    private const string Folder = "tests/QualityGates.Cli.Tests/Golden";
    private static readonly string GuardTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string GuardCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");

    [Fact]
    public void RegistryVerbsAndQueries()
    {
        using var cli = new RegistryCli(("USER", "ci-runner"), ("QUALITYGATES_TODAY", "2026-11-30"));
        var waivers = Path.Combine(cli.Root, "qualitygates.waivers.json");
        File.WriteAllText(waivers, """
            { "waivers": [ { "gate": "coverage.line", "owner": "alice@example.com", "reason": "legacy <module> & \"rewrite\" — é", "expires": "2026-12-20" } ] }
            """);
        var reports = Path.Combine(cli.Root, "reports");
        Assert.Equal(0, CliRun.In(cli.Environment, ["check", "--context", "staging", "--model", "guard:1.0", "--test-results", GuardTrx,
            "--coverage", GuardCoverage, "--waivers", waivers, "--report-dir", reports]).ExitCode);

        Verify(cli, "approve-from-report.json", cli.Run("approve", "--report", Path.Combine(reports, "latest.json"), "--approved-by", "alice@example.com",
            "--notes", "Passed staging ≥ 95 % → ship; \"quoted\" <notes> & more", "--json"));
        Verify(cli, "approve.json", cli.Run("approve", "--model", "guard:1.0", "--context", "production", "--approved-by", "release-bot", "--json"));
        Verify(cli, "reject.json", cli.Run("reject", "--model", "guard:0.9", "--context", "staging", "--reason", "Security vulnerabilities found", "--rejected-by", "bob", "--notes", "see the scan", "--json"));
        Verify(cli, "deploy.json", cli.Run("deploy", "--model", "guard:1.0", "--context", "staging", "--target", "stage-eu", "--deployed-by", "deployer", "--json"));
        Verify(cli, "deploy-production.json", cli.Run("deploy", "--model", "guard:1.0", "--context", "production", "--target", "prod-eu", "--notes", "canary first", "--json"));
        Verify(cli, "rollback.json", cli.Run("rollback", "--model", "guard:1.0", "--context", "production", "--reason", "Latency spike", "--target", "prod-eu", "--json"));
        File.AppendAllText(cli.FileOf("guard"), "{\"schemaVersion\":1,\"id\":\"torn\n");

        Verify(cli, "status.json", cli.Run("status", "--model", "guard:1.0", "--json"));
        Verify(cli, "status-one-context.json", cli.Run("status", "--model", "guard:0.9", "--context", "staging", "--json"));
        Verify(cli, "history.json", cli.Run("history", "--model", "guard", "--json"));
        Verify(cli, "history-version.json", cli.Run("history", "--model", "guard:1.0", "--context", "staging", "--json"));
        Verify(cli, "approved.json", cli.Run("approved", "--model", "guard", "--context", "staging", "--json"));
        Verify(cli, "deployments.json", cli.Run("deployments", "--model", "guard", "--json"));
        Verify(cli, "can-deploy.json", cli.Run("can-deploy", "--model", "guard:1.0", "--context", "staging", "--json"), exitCode: 0);
        Verify(cli, "can-deploy-refused.json", cli.Run("can-deploy", "--model", "guard:0.9", "--context", "staging", "--no-promotion-order", "--json"), exitCode: 1);
        Verify(cli, "registry-migrate.json", cli.Run("registry", "migrate", "--json"));
        Verify(cli, "registry-copy.json", CliRun.In(cli.Environment, ["registry", "copy", "--from", cli.Folder, "--to", Path.Combine(cli.Root, "copy"), "--json"]));
    }

    [Fact]
    public void CheckPrintsTheBlockedReport()
    {
        using var cli = new RegistryCli();
        var run = CliRun.In(cli.Environment, ["check", "--context", "production", "--model", "guard:1.0", "--test-results", GuardTrx, "--coverage", GuardCoverage,
            "--report-dir", Path.Combine(cli.Root, "reports"), "--json"]);

        Verify(cli, "check.json", run, exitCode: 1);
        // stdout is the report file's text, neutralised for the console: here the same bytes.
        Assert.Equal(File.ReadAllText(Path.Combine(cli.Root, "reports", "latest.json")) + Environment.NewLine, run.Output);
    }

    private static void Verify(RegistryCli cli, string name, CliRun run, int exitCode = 0)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}: {run.Error}");
        var actual = GoldenFile.WithoutIdsAndTimes(GoldenFile.Normalise(run.Output, (cli.Root, "<temp>"), (Fixtures.Path(), "<fixtures>")));
        Assert.Equal(GoldenFile.Expected(Path.Combine(Folder, name), actual), actual);
    }
}
