using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry.Deployment;
using QualityGates.Registry;
using QualityGates.Tests.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Registry;

/// <summary>Deployment control, run against both stores: the folder and PostgreSQL.</summary>
public sealed class DeploymentControllerTests
{
    private static readonly ModelIdentity V62 = new("veran", "v6.2");
    private static readonly ModelIdentity V61 = new("veran", "v6.1");

    [Theory, FolderStore, PostgresStore]
    public void NeverGatedVersionCannotBeDeployed(string store)
    {
        using var scene = new RegistryScene(store);

        var decision = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;

        Assert.False(decision.Allowed);
        Assert.Equal(DeploymentVerdict.NeverGated, decision.Verdict);
        Assert.Equal("veran:v6.2 has no record in the registry: it was never gated or approved.", decision.Reason);
    }

    [Theory, FolderStore, PostgresStore]
    public void VersionApprovedElsewhereIsNotApprovedHere(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Development, "dev");

        var decision = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;

        Assert.Equal(DeploymentVerdict.NotApproved, decision.Verdict);
        Assert.Equal("veran:v6.2 is not approved for staging (it is approved for development).", decision.Reason);
    }

    [Theory, FolderStore, PostgresStore]
    public void ApprovedVersionCanBeDeployedUntilItIsRejected(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");

        var before = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;
        scene.Registry.Reject(V62, DeploymentContext.Staging, "Security vulnerabilities found", "alice@example.com");
        var after = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;

        Assert.True(before.Allowed);
        Assert.Equal("veran:v6.2 is approved for staging by qa at 2025-03-01T09:00:00.000Z.", before.Reason);
        Assert.False(after.Allowed);
        Assert.Equal(DeploymentVerdict.Rejected, after.Verdict);
        Assert.Equal("veran:v6.2 was rejected for staging after its approval, by alice@example.com at 2025-03-01T09:01:00.000Z: Security vulnerabilities found", after.Reason);
    }

    [Theory, FolderStore, PostgresStore]
    public void ANewApprovalAfterARejectionHoldsAgain(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Reject(V62, DeploymentContext.Staging, "not ready", "bob");
        Assert.Equal("veran:v6.2 was rejected for staging, by bob at 2025-03-01T09:00:00.000Z: not ready",
            scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value.Reason);

        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");

        Assert.True(scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value.Allowed);
    }

    [Theory, FolderStore, PostgresStore]
    public void BlockedGateRunStopsDeployment(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.ApproveFromReport(SampleReports.Passing() with { Context = DeploymentContext.Staging }, "ci");
        scene.Registry.RecordBlocked(SampleReports.Failing() with { Context = DeploymentContext.Staging }, recordedBy: "ci");

        var decision = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;

        Assert.Equal(DeploymentVerdict.Blocked, decision.Verdict);
        Assert.Equal("veran:v6.2 was blocked by its latest staging gate run (recorded by ci at 2025-03-01T09:01:00.000Z): Gate failed: tests.pass_rate (QG2001), coverage.line (QG2002), security.critical (QG2009)", decision.Reason);
    }

    [Theory, FolderStore, PostgresStore]
    public void RolledBackVersionCannotBeDeployedUntilApprovedAgain(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Controller.Deploy(V62, DeploymentContext.Staging, "stage-1", "deployer");

        scene.Controller.Rollback(V62, DeploymentContext.Staging, "Anomaly detected", rolledBackBy: "ops");
        var decision = scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value;

        Assert.Equal(DeploymentVerdict.RolledBack, decision.Verdict);
        Assert.Equal("veran:v6.2 was rolled back in staging by ops at 2025-03-01T09:02:00.000Z: Anomaly detected; approve it again before deploying it.", decision.Reason);
        var refused = Assert.Throws<QualityGatesException>(() => scene.Controller.Deploy(V62, DeploymentContext.Staging, "stage-1", "deployer"));
        Assert.Equal(ErrorCodes.DeploymentNotAllowed, refused.Code);
        Assert.StartsWith("veran:v6.2 cannot be deployed to staging: veran:v6.2 was rolled back", refused.Message);

        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        Assert.True(scene.Controller.CanDeploy(V62, DeploymentContext.Staging).Value.Allowed);
    }

    [Theory, FolderStore, PostgresStore]
    public void ProductionNeedsAStagingApprovalFirst(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");

        var withoutStaging = scene.Controller.CanDeploy(V62, DeploymentContext.Production).Value;
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        var stagingAfterProduction = scene.Controller.CanDeploy(V62, DeploymentContext.Production).Value;
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        var inOrder = scene.Controller.CanDeploy(V62, DeploymentContext.Production).Value;

        Assert.Equal(DeploymentVerdict.PromotionOrder, withoutStaging.Verdict);
        Assert.Equal("veran:v6.2 is approved for production, but production needs a standing staging approval of the same version first, and staging has no decision.", withoutStaging.Reason);
        Assert.Equal(DeploymentVerdict.PromotionOrder, stagingAfterProduction.Verdict);
        Assert.Equal("veran:v6.2 was approved for production (alice at 2025-03-01T09:00:00.000Z) before staging approved it (qa at 2025-03-01T09:01:00.000Z); approve it for production again now that staging has.", stagingAfterProduction.Reason);
        Assert.True(inOrder.Allowed);
    }

    [Theory, FolderStore, PostgresStore]
    public void ALaterStagingRejectionStopsProductionToo(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        scene.Registry.Reject(V62, DeploymentContext.Staging, "data drift", "bob");

        var decision = scene.Controller.CanDeploy(V62, DeploymentContext.Production).Value;

        Assert.Equal(DeploymentVerdict.PromotionOrder, decision.Verdict);
        Assert.EndsWith("and staging was rejected by bob at 2025-03-01T09:02:00.000Z.", decision.Reason);
    }

    [Theory, FolderStore, PostgresStore]
    public void PromotionOrderCanBeSwitchedOff(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Production, "alice");
        var lenient = new DeploymentController(scene.Registry, new DeploymentPolicy { RequireStagingBeforeProduction = false });

        Assert.True(lenient.CanDeploy(V62, DeploymentContext.Production).Value.Allowed);
        Assert.False(scene.Controller.CanDeploy(V62, DeploymentContext.Production).Value.Allowed);
    }

    [Theory, FolderStore, PostgresStore]
    public void DeploymentIsRecordedWithTargetAndWho(string store)
    {
        using var scene = new RegistryScene(store, ("USER", "runner"));
        scene.Registry.Approve(V62, DeploymentContext.Staging);

        var record = scene.Controller.Deploy(V62, DeploymentContext.Staging, "stage-cluster");

        Assert.Equal((RegistryRecordKind.Deployed, "stage-cluster", "runner"), (record.Kind, record.Target, record.By));
        Assert.Equal(RegistryScene.TimeOf(1), record.Timestamp);
        Assert.Equal(2, scene.Stored("veran").Count);
    }

    [Theory, FolderStore, PostgresStore]
    public void RefusedDeploymentWritesNothing(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Development, "dev");

        var error = Assert.Throws<QualityGatesException>(() => scene.Controller.Deploy(V62, DeploymentContext.Production, "prod", "x"));

        Assert.Equal(ErrorCodes.DeploymentNotAllowed, error.Code);
        Assert.Single(scene.Stored("veran"));
    }

    [Theory, FolderStore, PostgresStore]
    public void CurrentDeploymentFollowsDeploymentsAndRollbacksPerContextAndTarget(string store)
    {
        using var scene = new RegistryScene(store);
        foreach (var model in new[] { V61, V62 })
        {
            scene.Registry.Approve(model, DeploymentContext.Staging, "qa");
            scene.Registry.Approve(model, DeploymentContext.Production, "alice");
        }

        scene.Controller.Deploy(V61, DeploymentContext.Production, "eu", "d");
        scene.Controller.Deploy(V61, DeploymentContext.Production, "us", "d");
        scene.Controller.Deploy(V62, DeploymentContext.Production, "eu", "d");
        scene.Controller.Deploy(V62, DeploymentContext.Production, "us", "d");
        scene.Controller.Deploy(V62, DeploymentContext.Staging, "eu", "d");
        Assert.Equal(["staging/eu v6.2", "production/eu v6.2", "production/us v6.2"], Current(scene));

        scene.Controller.Rollback(V62, DeploymentContext.Production, "anomaly in eu", target: "eu", rolledBackBy: "ops");
        Assert.Equal(["staging/eu v6.2", "production/eu v6.1", "production/us v6.2"], Current(scene));

        scene.Controller.Rollback(V62, DeploymentContext.Production, "anomaly everywhere", rolledBackBy: "ops");
        Assert.Equal(["staging/eu v6.2", "production/eu v6.1", "production/us v6.1"], Current(scene));

        scene.Controller.Rollback(V61, DeploymentContext.Production, "also bad", rolledBackBy: "ops");
        Assert.Equal(["staging/eu v6.2"], Current(scene));
    }

    [Theory, FolderStore, PostgresStore]
    public void RollbackOfAVersionNeverDeployedThereIsRefused(string store)
    {
        using var scene = new RegistryScene(store);
        scene.Registry.Approve(V62, DeploymentContext.Staging, "qa");
        scene.Controller.Deploy(V62, DeploymentContext.Staging, "stage-1", "d");

        var notDeployed = Assert.Throws<QualityGatesException>(() => scene.Controller.Rollback(V62, DeploymentContext.Production, "x", rolledBackBy: "ops"));
        var otherTarget = Assert.Throws<QualityGatesException>(() => scene.Controller.Rollback(V62, DeploymentContext.Staging, "x", "stage-2", "ops"));
        var noReason = Assert.Throws<QualityGatesException>(() => scene.Controller.Rollback(V62, DeploymentContext.Staging, " ", rolledBackBy: "ops"));

        Assert.Equal(ErrorCodes.NothingToRollBack, notDeployed.Code);
        Assert.Equal("veran:v6.2 was never deployed to production, so there is nothing to roll back; to stop it being deployed, reject it instead.", notDeployed.Message);
        Assert.Equal(ErrorCodes.NothingToRollBack, otherTarget.Code);
        Assert.Contains("staging target 'stage-2'", otherTarget.Message);
        Assert.Equal(ErrorCodes.RegistryValueNotAllowed, noReason.Code);
        Assert.Equal(2, scene.Stored("veran").Count);
    }

    [Theory, FolderStore, PostgresStore]
    public async Task DeployAndRejectOfTheSameVersionNeverInterleave(string store)
    {
        // Three deployers and a rejecter start together on each version, each with its own registry
        // (connection, file handle). A deployment may land before the rejection or be refused after it,
        // but never be recorded after the rejection on the strength of the approval it saw before.
        using var scene = new RegistryScene(store);
        const int rounds = 15, deployers = 3;
        var refused = 0;
        for (var round = 0; round < rounds; round++)
        {
            var model = new ModelIdentity("race", "v" + round);
            scene.Registry.Approve(model, DeploymentContext.Staging, "qa");
            using var start = new Barrier(deployers + 1);
            var workers = Enumerable.Range(0, deployers + 1).Select(w => Task.Factory.StartNew(() =>
            {
                var registry = new ApprovalRegistry(scene.Setting, environment: scene.Environment);
                start.SignalAndWait();
                if (w == deployers)
                {
                    registry.Reject(model, DeploymentContext.Staging, "found a regression", "bob");
                    return;
                }

                try
                {
                    new DeploymentController(registry).Deploy(model, DeploymentContext.Staging, "target-" + w, "deployer");
                }
                catch (QualityGatesException ex) when (ex.Code == ErrorCodes.DeploymentNotAllowed)
                {
                    Interlocked.Increment(ref refused);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);
        }

        var history = scene.Stored("race");
        foreach (var deployment in history.Where(r => r.Kind == RegistryRecordKind.Deployed))
        {
            var before = history.TakeWhile(r => r.Id != deployment.Id).Last(r => r.IsDecision && r.Model == deployment.Model);
            Assert.Equal(RegistryRecordKind.Approved, before.Kind);
        }

        Assert.Equal(rounds * (2 + deployers), history.Count + refused);
    }

    private static List<string> Current(RegistryScene scene) =>
        scene.Controller.GetCurrentDeployments("veran").Value.Select(d => $"{d.ContextName}/{d.Target} {d.Version}").ToList();
}
