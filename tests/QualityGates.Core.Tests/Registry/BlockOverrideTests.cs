using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Registry.Deployment;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Registry;

/// <summary>
/// A hand approval never silently overrides a failed gate: after a blocked gate run, approving the same
/// version in the same context by hand (or from an older saved report) is refused unless it is an
/// override with a reason, and the override shows in the history, the status and <c>can-deploy</c>.
/// </summary>
public sealed class BlockOverrideTests
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");
    private static readonly DeploymentPolicy NoPromotionOrder = new() { RequireStagingBeforeProduction = false };

    [Theory, FolderStore, PostgresStore]
    public void AHandApprovalRightAfterABlockedGateRunIsRefusedAndCanDeployStaysNo(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.ApproveFromReport(SampleReports.Passing(), "ci", reportFile: "report-1.json");
        scene.Registry.RecordBlocked(SampleReports.Failing(), "report-2.json", "ci");

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(V62, DeploymentContext.Production, "mallory", "looks fine"));

        Assert.Equal(ErrorCodes.ApprovalOverBlockedRun, error.Code);
        Assert.Equal("veran:v6.2 was blocked by its latest production gate run (recorded by ci at 2025-03-01T09:01:00.000Z): Gate failed: tests.pass_rate (QG2001), coverage.line (QG2002), security.critical (QG2009). "
            + "Approving it by hand would override that block. Gate it again and approve the passing run, or make the override on record: approve --override-block --reason \"why\".", error.Message);
        Assert.Equal(["approved", "blocked"], scene.Stored("veran").Select(r => r.KindName));
        var answer = new DeploymentController(scene.Registry, NoPromotionOrder).CanDeploy(V62, DeploymentContext.Production).Value;
        Assert.Equal(DeploymentVerdict.Blocked, answer.Verdict);
    }

    [Theory, FolderStore, PostgresStore]
    public void AnOverrideIsRecordedWithItsReasonAndShownByHistoryStatusAndCanDeploy(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.RecordBlocked(SampleReports.Failing(), "report.json", "ci");

        var approval = scene.Registry.ApproveOverridingBlock(V62, DeploymentContext.Production, "CVE triaged: not reachable", "alice", "ticket SEC-42");

        var stored = scene.Stored("veran");
        Assert.Equal(["blocked", "approved"], stored.Select(r => r.KindName));
        Assert.Equal(("CVE triaged: not reachable", "ticket SEC-42", null), (stored[1].Override, stored[1].Notes, stored[1].Reason));
        Assert.Equal(approval.Id, stored[1].Id);
        var status = scene.Registry.GetStatus(V62, DeploymentContext.Production).Value;
        Assert.True(status.IsApproved);
        Assert.True(status.IsOverride);
        var answer = new DeploymentController(scene.Registry, NoPromotionOrder).CanDeploy(V62, DeploymentContext.Production).Value;
        Assert.True(answer.Allowed);
        Assert.True(answer.IsOverride);
        Assert.Equal("veran:v6.2 is approved for production by alice at 2025-03-01T09:01:00.000Z, overriding its blocked gate run: CVE triaged: not reachable", answer.Reason);

        // The record's one new member, written only on overrides.
        using var json = JsonDocument.Parse(RegistryRecordJson.ToLine(stored[1]));
        Assert.Equal("CVE triaged: not reachable", json.RootElement.GetProperty("override").GetString());
        Assert.False(JsonDocument.Parse(RegistryRecordJson.ToLine(stored[0])).RootElement.TryGetProperty("override", out _));
    }

    [Theory, FolderStore, PostgresStore]
    public void AnOverrideWithNothingBlockedIsRefused(string store)
    {
        using var scene = new RegistryScene(store);

        var never = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveOverridingBlock(V62, DeploymentContext.Production, "why not", "alice"));
        scene.Registry.ApproveFromReport(SampleReports.Passing(), "ci");
        var passed = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveOverridingBlock(V62, DeploymentContext.Production, "why not", "alice"));

        Assert.Equal((ErrorCodes.NothingToOverride, ErrorCodes.NothingToOverride), (never.Code, passed.Code));
        Assert.Equal("veran:v6.2 has no blocked gate run to override in production: it has no gate run there. Approve it without --override-block.", never.Message);
        Assert.Equal("veran:v6.2 has no blocked gate run to override in production: its latest gate run there passed (approved by ci at 2025-03-01T09:00:00.000Z). Approve it without --override-block.", passed.Message);
        Assert.Single(scene.Stored("veran"));
    }

    [Theory, FolderStore, PostgresStore]
    public void TheBlockStandsUntilAGateRunPassesAndOnlyInItsOwnContextAndVersion(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.RecordBlocked(SampleReports.Failing(), "report.json", "ci");
        scene.Registry.ApproveOverridingBlock(V62, DeploymentContext.Production, "signed off", "alice");
        scene.Registry.Reject(V62, DeploymentContext.Production, "second thoughts", "bob");

        // Its latest gate run is still the blocked one: approving again is an override again.
        Assert.Equal(ErrorCodes.ApprovalOverBlockedRun, Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(V62, DeploymentContext.Production, "alice")).Code);
        Assert.Null(scene.Registry.Approve(V62, DeploymentContext.Staging, "qa").Override);
        Assert.Null(scene.Registry.Approve(new ModelIdentity("veran", "v6.3"), DeploymentContext.Production, "alice").Override);

        // Approve-on-pass approves the run it just judged; after that, a hand approval needs no override.
        Assert.Null(scene.Registry.ApproveFromReport(SampleReports.Passing(), "ci").Override);
        scene.Registry.Reject(V62, DeploymentContext.Production, "paused", "bob");
        Assert.Null(scene.Registry.Approve(V62, DeploymentContext.Production, "alice").Override);
    }

    [Theory, FolderStore, PostgresStore]
    public void ASavedReportOlderThanTheBlockedRunNeedsTheOverrideAndANewerOneDoesNot(string store)
    {
        using var scene = new RegistryScene(store);
        var blockedAt = SampleReports.Time;
        var older = scene.Write("older.json", JsonReportWriter.ToJson(SampleReports.Passing() with { Timestamp = blockedAt.AddHours(-1) }));
        var newer = scene.Write("newer.json", JsonReportWriter.ToJson(SampleReports.Passing() with { Timestamp = blockedAt.AddHours(1) }));
        scene.Registry.RecordBlocked(SampleReports.Failing() with { Timestamp = blockedAt }, "blocked.json", "ci");

        var stale = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReportFile(older, V62, DeploymentContext.Production, "alice"));
        var overridden = scene.Registry.ApproveFromReportFile(older, V62, DeploymentContext.Production, "alice", null, "the failure was the test database, not the model");
        var notNeeded = Assert.Throws<QualityGatesException>(() => scene.Registry.ApproveFromReportFile(newer, V62, DeploymentContext.Production, "alice", null, "just in case"));
        var fresh = scene.Registry.ApproveFromReportFile(newer, V62, DeploymentContext.Production, "alice");

        Assert.Equal(ErrorCodes.ApprovalOverBlockedRun, stale.Code);
        Assert.Contains($"The report {older} (2025-03-01T11:34:56.789Z) is not newer than that run, so approving from it would override that block.", stale.Message);
        Assert.Equal("the failure was the test database, not the model", overridden.Override);
        Assert.Equal(ErrorCodes.NothingToOverride, notNeeded.Code);
        Assert.Null(fresh.Override);
    }

    [Theory, FolderStore]
    public void AnOverrideOnAnythingButAnApprovalIsADamagedLine(string store)
    {
        using var scene = new RegistryScene(store);
        var rejection = scene.Registry.Reject(V62, DeploymentContext.Production, "flaky", "bob");
        File.AppendAllText(scene.FileOf("veran"), RegistryRecordJson.ToLine(rejection with { Id = "f00d", Override = "sneaked in" }) + "\n");

        var history = scene.Registry.GetHistory(V62);

        Assert.Single(history.Value);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains("is a rejected record with an override (only an approval can override a blocked gate run)", warning.Message);
    }

    [Fact]
    public void AFolderStoreSeesABlockAnotherWriterAppendedSinceItsLastRead()
    {
        // The store has read two lines: its next checked append reads on from the second one.
        using var scene = new RegistryScene();
        scene.Registry.Approve(new ModelIdentity("veran", "v0"), DeploymentContext.Staging, "qa");
        scene.Registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "qa");
        scene.Registry.GetHistory("veran");
        var other = new ApprovalRegistry(scene.Folder, environment: scene.Environment);
        other.Approve(new ModelIdentity("veran", "v2"), DeploymentContext.Staging, "qa");
        other.RecordBlocked(SampleReports.Failing(), "report.json", "ci");
        other.Approve(new ModelIdentity("veran", "v3"), DeploymentContext.Staging, "qa");

        var error = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(V62, DeploymentContext.Production, "mallory"));

        Assert.Equal(ErrorCodes.ApprovalOverBlockedRun, error.Code);
        Assert.Equal(["v0", "v1", "v2", "v6.2", "v3"], scene.Registry.GetHistory("veran").Value.Select(r => r.Model.Version));
    }

    [Fact]
    public void AFolderStoreSeesABlockWrittenWithEscapesOrInAFileEditedSinceItsLastRead()
    {
        using var scene = new RegistryScene();
        scene.Registry.Approve(new ModelIdentity("veran", "v0"), DeploymentContext.Staging, "qa");
        scene.Registry.Approve(new ModelIdentity("veran", "v1"), DeploymentContext.Staging, "qa");
        scene.Registry.GetHistory("veran");
        var lines = scene.Lines("veran");
        var blocked = new ApprovalRegistry(Path.Combine(scene.Root, "elsewhere"), environment: scene.Environment).RecordBlocked(SampleReports.Failing(), "report.json", "ci");

        // A hand edit: the version spelled with a JSON escape ("v6\u002e2" is "v6.2").
        File.AppendAllText(scene.FileOf("veran"), RegistryRecordJson.ToLine(blocked).Replace("\"v6.2\"", "\"v6\\u002e2\"", StringComparison.Ordinal) + "\n");
        var escaped = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(V62, DeploymentContext.Production, "mallory"));

        // The file rewritten rather than appended to (longer, but the last line read before is gone): read whole again.
        File.WriteAllText(scene.FileOf("veran"), string.Join("\n", lines[0], RegistryRecordJson.ToLine(blocked), lines[1], lines[1].Replace("v1", "v4", StringComparison.Ordinal)) + "\n");
        var rewritten = Assert.Throws<QualityGatesException>(() => scene.Registry.Approve(V62, DeploymentContext.Production, "mallory"));

        Assert.Equal((ErrorCodes.ApprovalOverBlockedRun, ErrorCodes.ApprovalOverBlockedRun), (escaped.Code, rewritten.Code));
    }

    [Fact]
    public void TheFirstRecordOfAModelIsDecidedAgainOnALineAnotherWriterWroteFirst()
    {
        using var scene = new RegistryScene();
        var store = new RegistryLog(scene.Folder, null);
        var blocked = new ApprovalRegistry(Path.Combine(scene.Root, "elsewhere"), environment: scene.Environment).RecordBlocked(SampleReports.Failing(), "report.json", "ci");
        var seen = new List<int>();

        // While this writer decides on an empty registry, another one writes the model's first line.
        var record = store.AppendChecked("veran", "v6.2", records =>
        {
            seen.Add(records.Count);
            if (seen.Count == 1)
            {
                new RegistryLog(scene.Folder, null).Append(blocked);
            }

            return blocked with { Id = records.Count == 0 ? "first" : "second", Kind = RegistryRecordKind.Approved, Reason = null, Report = null };
        });

        Assert.Equal([0, 1], seen);
        Assert.Equal("second", record.Id);
        Assert.Equal([blocked.Id, "second"], scene.Stored("veran").Select(r => r.Id));
    }
}
