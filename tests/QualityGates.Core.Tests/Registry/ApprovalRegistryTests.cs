using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Tests.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Registry;

public sealed class ApprovalRegistryTests
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");

    [Fact]
    public void ApprovalByHandIsOneLineWithEveryMember()
    {
        using var scene = new RegistryScene();

        var record = scene.Registry.Approve(V62, DeploymentContext.Production, "alice@example.com", "Passed all production gates");

        var line = Assert.Single(scene.Lines("veran"));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["schemaVersion", "id", "kind", "timestamp", "model", "version", "context", "by", "notes", "reason", "target", "report"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(record.Id, root.GetProperty("id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", record.Id);
        Assert.Equal("approved", root.GetProperty("kind").GetString());
        Assert.Equal("2025-03-01T09:00:00.000Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("veran", root.GetProperty("model").GetString());
        Assert.Equal("v6.2", root.GetProperty("version").GetString());
        Assert.Equal("production", root.GetProperty("context").GetString());
        Assert.Equal("alice@example.com", root.GetProperty("by").GetString());
        Assert.Equal("Passed all production gates", root.GetProperty("notes").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("report").ValueKind);
        Assert.Equal(scene.FileOf("veran"), record.File);
    }

    [Theory, FolderStore, PostgresStore]
    public void ApprovesFromAPassingReportFileAndRecordsItsChecks(string store)
    {
        using var scene = new RegistryScene(store);
        var reportFile = scene.Write("report.json", JsonReportWriter.ToJson(SampleReports.Passing()));

        var record = scene.Registry.ApproveFromReportFile(reportFile, V62, DeploymentContext.Production, "ci-system", "Production deployment approved");

        Assert.Equal(RegistryRecordKind.Approved, record.Kind);
        Assert.Equal(V62, record.Model);
        Assert.Equal(DeploymentContext.Production, record.Context);
        var report = Assert.IsType<ReportReference>(record.Report);
        Assert.Equal(reportFile, report.File);
        Assert.Equal(SampleReports.Time, report.Timestamp);
        Assert.True(report.AllPassed);
        Assert.Equal((10, 10, 0, 0), (report.Checks.Count, report.Passed, report.Failed, report.Skipped));

        using var json = JsonDocument.Parse(RegistryRecordJson.ToLine(Assert.Single(scene.Stored("veran"))));
        var saved = json.RootElement.GetProperty("report");
        Assert.Equal(reportFile, saved.GetProperty("file").GetString());
        Assert.Equal("2025-03-01T12:34:56.789Z", saved.GetProperty("timestamp").GetString());
        Assert.Equal(10, saved.GetProperty("summary").GetProperty("passed").GetInt32());
        Assert.Equal("tests.pass_rate", saved.GetProperty("checks")[0].GetProperty("gate").GetString());
        Assert.Equal("passed", saved.GetProperty("checks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void ReportFileWithoutExpectationsApprovesItsOwnModelAndContext()
    {
        using var scene = new RegistryScene(("GITHUB_ACTOR", "octocat"));
        var reportFile = scene.Write("report.json", JsonReportWriter.ToJson(SampleReports.Passing() with { Context = DeploymentContext.Staging }));

        var record = scene.Registry.ApproveFromReportFile(reportFile);

        Assert.Equal((V62, DeploymentContext.Staging, "octocat"), (record.Model, record.Context, record.By));
    }

    [Theory, FolderStore, PostgresStore]
    public void RefusesAFailingReportNamingTheFailedGates(string store)
    {
        using var scene = new RegistryScene(store);
        var reportFile = scene.Write("report.json", JsonReportWriter.ToJson(SampleReports.Failing()));

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReportFile(reportFile, V62, DeploymentContext.Production, "alice"));

        Assert.Equal(ErrorCodes.ReportDidNotPass, error.Code);
        Assert.Equal(reportFile, error.File);
        Assert.Equal($"Report '{reportFile}' did not pass: 3 of 10 checks failed (tests.pass_rate, coverage.line, security.critical); a failing report cannot approve veran:v6.2 for production.", error.Message);
        Assert.True(scene.NothingStored);
    }

    [Fact]
    public void RefusesAnInMemoryFailingReport()
    {
        using var scene = new RegistryScene();

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReport(SampleReports.Failing(), "alice"));

        Assert.Equal(ErrorCodes.ReportDidNotPass, error.Code);
        Assert.StartsWith("The gate report did not pass: 3 of 10 checks failed", error.Message);
    }

    [Fact]
    public void RefusesAReportThatJudgedNothing()
    {
        using var scene = new RegistryScene();
        var allSkipped = SampleReports.Evaluate(new GateInputs());

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReport(allSkipped, "alice"));

        Assert.Equal(ErrorCodes.ReportDidNotPass, error.Code);
        Assert.Contains("judged no check (10 checks, all skipped for lack of input)", error.Message);
    }

    [Theory]
    [InlineData("veran", "v6.3", "production", "is for veran:v6.2, not veran:v6.3")]
    [InlineData("other", "v6.2", "production", "is for veran:v6.2, not other:v6.2")]
    [InlineData("veran", "v6.2", "staging", "was run for production, not staging")]
    public void RefusesAReportForAnotherModelVersionOrContext(string name, string version, string context, string expected)
    {
        using var scene = new RegistryScene();
        var reportFile = scene.Write("report.json", JsonReportWriter.ToJson(SampleReports.Passing()));

        var error = Assert.Throws<QualityGatesException>(() =>
            scene.Registry.ApproveFromReportFile(reportFile, new ModelIdentity(name, version), DeploymentContexts.Parse(context, "context"), "alice"));

        Assert.Equal(ErrorCodes.ReportDoesNotMatch, error.Code);
        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(scene.Folder));
    }

    [Fact]
    public void RefusesAReportNamingNoModel()
    {
        using var scene = new RegistryScene();

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReport(SampleReports.Passing() with { Model = null }, "alice"));

        Assert.Equal(ErrorCodes.ReportDoesNotMatch, error.Code);
        Assert.Contains("names no model", error.Message);
    }

    [Fact]
    public void ABadReportFileKeepsTheReadersCode()
    {
        using var scene = new RegistryScene();
        var reportFile = scene.Write("report.json", "{\"schemaVersion\": 1, \"checks\": [");

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReportFile(reportFile));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
    }

    [Theory, FolderStore, PostgresStore]
    public void InMemoryApprovalRecordsTheReportFileGiven(string store)
    {
        using var scene = new RegistryScene(store);

        var record = scene.Registry.ApproveFromReport(SampleReports.Passing(), "ci", reportFile: Path.Combine(scene.Root, "report-1.json"));

        Assert.Equal(Path.Combine(scene.Root, "report-1.json"), record.Report!.File);
        Assert.Equal(10, record.Report.Passed);
    }

    [Theory, FolderStore, PostgresStore]
    public void BlockedRunIsADecisionNamingTheFailedGates(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.ApproveFromReport(SampleReports.Passing(), "ci");

        var blocked = scene.Registry.RecordBlocked(SampleReports.Failing(), "report-2.json", "ci");

        Assert.Equal(RegistryRecordKind.Blocked, blocked.Kind);
        Assert.Equal("Gate failed: tests.pass_rate (QG2001), coverage.line (QG2002), security.critical (QG2009)", blocked.Reason);
        Assert.Equal(3, blocked.Report!.Failed);
        var status = scene.Registry.GetStatus(V62, DeploymentContext.Production).Value;
        Assert.False(status.IsApproved);
        Assert.Equal("blocked", status.StatusName);
        Assert.Throws<ArgumentException>(() => scene.Registry.RecordBlocked(SampleReports.Passing()));
    }

    [Theory, FolderStore, PostgresStore]
    public void StatusIsTheLatestDecisionPerContext(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Development, "dev");
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        scene.Registry.Reject(V62, DeploymentContext.Production, "Security vulnerabilities found", "bob");
        scene.Registry.Approve(new ModelIdentity("veran", "v6.3"), DeploymentContext.Production, "alice");

        var all = scene.Registry.GetStatus(V62);

        Assert.Empty(all.Warnings);
        Assert.Equal(["development approved dev", "staging approved qa", "production rejected bob"],
            all.Value.Select(s => $"{s.ContextName} {s.StatusName} {s.LatestDecision!.By}"));
        var production = scene.Registry.GetStatus(V62, DeploymentContext.Production).Value;
        Assert.False(production.IsApproved);
        Assert.Equal("Security vulnerabilities found", production.LatestDecision!.Reason);
        Assert.Equal(RegistryScene.TimeOf(3), production.LatestDecision.Timestamp);
        var never = scene.Registry.GetStatus(new ModelIdentity("veran", "v1"), DeploymentContext.Staging).Value;
        Assert.Equal("none", never.StatusName);
        Assert.Null(never.LatestDecision);
    }

    [Theory, FolderStore, PostgresStore]
    public void HistoryListsEveryRecordOfTheVersionAcrossContextsOldestFirst(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Registry.Approve(new ModelIdentity("veran", "v6.3"), DeploymentContext.Staging, "qa");
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        scene.Controller.Deploy(V62, DeploymentContext.Production, "prod-cluster", "deployer");
        scene.Registry.Reject(V62, DeploymentContext.Production, "Anomaly", "bob");

        var history = scene.Registry.GetHistory(V62).Value;

        Assert.Equal(["staging approved qa", "production approved alice", "production deployed deployer", "production rejected bob"],
            history.Select(r => $"{r.ContextName} {r.KindName} {r.By}"));
        Assert.Equal([1, 3, 4, 5], history.Select(r => r.Line));
        Assert.Equal(5, scene.Registry.GetHistory("veran").Value.Count);
    }

    [Theory, FolderStore, PostgresStore]
    public void ApprovedVersionsAreNewestFirstWithoutRejectedBlockedOrRolledBackOnes(string store)
    {
        using var scene = new RegistryScene(store);
        foreach (var version in new[] { "v1", "v2", "v3", "v4", "v5" })
        {
            scene.Registry.Approve(new ModelIdentity("veran", version), DeploymentContext.Staging, "qa");
        }

        scene.Registry.Reject(new ModelIdentity("veran", "v2"), DeploymentContext.Staging, "flaky", "bob");
        scene.Registry.RecordBlocked(SampleReports.Failing() with { Model = new ModelIdentity("veran", "v3"), Context = DeploymentContext.Staging });
        scene.Controller.Deploy(new ModelIdentity("veran", "v4"), DeploymentContext.Staging, "stage-1", "deployer");
        scene.Controller.Rollback(new ModelIdentity("veran", "v4"), DeploymentContext.Staging, "latency", rolledBackBy: "ops");
        scene.Registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "qa again");
        scene.Registry.Approve(new ModelIdentity("veran", "v6"), DeploymentContext.Production, "alice");

        var approved = scene.Registry.GetApprovedVersions("veran", DeploymentContext.Staging).Value;

        Assert.Equal(["v1", "v5"], approved.Select(a => a.Version));
        Assert.Equal("qa again", approved[0].Approval.By);
        Assert.Equal(["v6"], scene.Registry.GetApprovedVersions("veran", DeploymentContext.Production).Value.Select(a => a.Version));
        Assert.Empty(scene.Registry.GetApprovedVersions("veran", DeploymentContext.Development).Value);
        Assert.Empty(scene.Registry.GetApprovedVersions("unknown", DeploymentContext.Staging).Value);
    }

    [Fact]
    public void EachModelHasItsOwnFileAndRecordsAreNeverRewritten()
    {
        using var scene = new RegistryScene();
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        var first = File.ReadAllText(scene.FileOf("veran"));
        scene.Registry.Approve(new ModelIdentity("other", "1.0"), DeploymentContext.Staging, "qa");
        scene.Registry.Reject(V62, DeploymentContext.Staging, "regression", "bob");

        Assert.StartsWith(first, File.ReadAllText(scene.FileOf("veran")), StringComparison.Ordinal);
        Assert.Equal(2, scene.Lines("veran").Length);
        Assert.Single(scene.Lines("other"));
        Assert.Equal(["other.jsonl", "veran.jsonl"], Directory.GetFiles(scene.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory, FolderStore, PostgresStore]
    public void RecordsReadBackEqualWhatWasWritten(string store)
    {
        using var scene = new RegistryScene(store);
        var written = scene.Registry.ApproveFromReport(SampleReports.Passing(), "alice", "multi\nline notes ≥ 0.9", "r.json");

        var read = Assert.Single(scene.Registry.GetHistory(V62).Value);

        Assert.Equal(written with { Line = 1, Report = null }, read with { Report = null });
        Assert.Equal(written.Report!.Checks, read.Report!.Checks);
        Assert.Equal("multi\nline notes ≥ 0.9", read.Notes);
    }

    [Fact]
    public void DefaultUserComesFromTheCiVariablesInOrder()
    {
        Assert.Equal("jenkins-user", RegistryUser.Resolve(null, Env(("BUILD_USER", "jenkins-user"), ("GITHUB_ACTOR", "octocat"), ("USER", "root"))));
        Assert.Equal("octocat", RegistryUser.Resolve(" ", Env(("GITHUB_ACTOR", "octocat"), ("USER", "root"))));
        Assert.Equal("root", RegistryUser.Resolve(null, Env(("USER", "root"))));
        Assert.Equal("forced", RegistryUser.Resolve(null, Env(("QUALITYGATES_USER", "forced"), ("BUILD_USER", "jenkins-user"))));
        Assert.Equal("given", RegistryUser.Resolve(" given ", Env(("USER", "root"))));
    }

    [Fact]
    public void FolderComesFromTheSettingThenTheVariableThenTheDefault()
    {
        var baseDir = Path.GetTempPath();
        Assert.Equal(Path.GetFullPath("explicit", baseDir), RegistryLocation.Resolve("explicit", Env(("QUALITYGATES_REGISTRY", "/shared/registry")), baseDir));
        Assert.Equal(Path.GetFullPath("/shared/registry"), RegistryLocation.Resolve(null, Env(("QUALITYGATES_REGISTRY", "/shared/registry")), baseDir));
        Assert.Equal(Path.GetFullPath("models/registry", baseDir), RegistryLocation.Resolve("", Env(), baseDir));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
