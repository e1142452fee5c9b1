using System.Text.Json;

namespace QualityGates.Cli.Tests;

/// <summary><c>can-deploy</c>, <c>deploy</c>, <c>rollback</c> and <c>deployments</c> through the CLI.</summary>
public sealed class DeploymentCommandTests
{
    [Fact]
    public void CanDeployBeforeAndAfterARejection()
    {
        using var cli = new RegistryCli();
        var never = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "staging");
        cli.Run("approve", "--model", "veran:v6.2", "--context", "staging", "--approved-by", "qa");
        var approved = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "staging");
        cli.Run("reject", "--model", "veran:v6.2", "--context", "staging", "--reason", "Security vulnerabilities found", "--rejected-by", "bob");
        var rejected = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "staging", "--json");

        Assert.Equal(1, never.ExitCode);
        Assert.Equal("no: veran:v6.2 has no record in the registry: it was never gated or approved.\n", never.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, approved.ExitCode);
        Assert.StartsWith("yes: veran:v6.2 is approved for staging by qa at ", approved.Output);
        Assert.Equal(1, rejected.ExitCode);
        using var json = JsonDocument.Parse(rejected.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("canDeploy").GetBoolean());
        Assert.Equal("rejected", root.GetProperty("verdict").GetString());
        Assert.EndsWith(": Security vulnerabilities found", root.GetProperty("reason").GetString());
        Assert.Equal("bob", root.GetProperty("decision").GetProperty("by").GetString());
        Assert.Empty(rejected.ErrorCodes);
    }

    [Fact]
    public void DeployThenRollbackStopsTheVersionAndUncoversThePreviousOne()
    {
        using var cli = new RegistryCli();
        foreach (var version in new[] { "v1", "v2" })
        {
            cli.Run("approve", "--model", $"veran:{version}", "--context", "staging", "--approved-by", "qa");
            Assert.Equal(0, cli.Run("deploy", "--model", $"veran:{version}", "--context", "staging", "--target", "stage-eu").ExitCode);
        }

        var before = cli.Run("deployments", "--model", "veran", "--json");
        var rollback = cli.Run("rollback", "--model", "veran:v2", "--context", "staging", "--reason", "Anomaly detected", "--json");
        var after = cli.Run("deployments", "--model", "veran");
        var canDeploy = cli.Run("can-deploy", "--model", "veran:v2", "--context", "staging");
        var redeploy = cli.Run("deploy", "--model", "veran:v2", "--context", "staging", "--target", "stage-eu");

        using (var json = JsonDocument.Parse(before.Output))
        {
            var deployment = Assert.Single(json.RootElement.GetProperty("deployments").EnumerateArray().ToList());
            Assert.Equal(("staging", "stage-eu", "v2"), (deployment.GetProperty("context").GetString(), deployment.GetProperty("target").GetString(), deployment.GetProperty("version").GetString()));
        }

        using (var json = JsonDocument.Parse(rollback.Output))
        {
            Assert.Equal(("rolled-back", "Anomaly detected", "ci-runner"), (json.RootElement.GetProperty("kind").GetString(), json.RootElement.GetProperty("reason").GetString(), json.RootElement.GetProperty("by").GetString()));
        }

        Assert.StartsWith("staging      stage-eu  v1  ", after.Output);
        Assert.Equal(1, canDeploy.ExitCode);
        Assert.StartsWith("no: veran:v2 was rolled back in staging by ci-runner at ", canDeploy.Output);
        Assert.Equal(1, redeploy.ExitCode);
        Assert.Equal(["QG3006"], redeploy.ErrorCodes);
        Assert.Equal(5, File.ReadAllLines(cli.FileOf("veran")).Length); // two approvals, two deployments, one rollback; the refused deploy wrote nothing
    }

    [Fact]
    public void ProductionFollowsStagingUnlessThePolicyIsSwitchedOff()
    {
        using var cli = new RegistryCli();
        cli.Run("approve", "--model", "veran:v6.2", "--context", "production", "--approved-by", "alice");

        var ordered = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "production", "--json");
        var lenient = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "production", "--no-promotion-order");
        var refused = cli.Run("deploy", "--model", "veran:v6.2", "--context", "production", "--target", "prod");
        var forced = cli.Run("deploy", "--model", "veran:v6.2", "--context", "production", "--target", "prod", "--no-promotion-order");
        cli.Run("approve", "--model", "veran:v6.2", "--context", "staging", "--approved-by", "qa");
        cli.Run("approve", "--model", "veran:v6.2", "--context", "production", "--approved-by", "alice");
        var inOrder = cli.Run("can-deploy", "--model", "veran:v6.2", "--context", "production");

        using var json = JsonDocument.Parse(ordered.Output);
        Assert.Equal("promotion-order", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(1, ordered.ExitCode);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("production needs a standing staging approval", refused.Error);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(0, inOrder.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "can-deploy", "--model", "veran:v1" }, "QG4001")]
    [InlineData(new[] { "can-deploy", "--model", "../x:v1", "--context", "staging" }, "QG0005")]
    [InlineData(new[] { "deploy", "--model", "veran:v1", "--context", "staging" }, "QG4001")]
    [InlineData(new[] { "deploy", "--model", "veran:v1", "--context", "staging", "--target", "bad\ttarget" }, "QG3005")]
    [InlineData(new[] { "rollback", "--model", "veran:v1", "--context", "staging", "--reason", "x" }, "QG3007")]
    [InlineData(new[] { "rollback", "--model", "veran:v1", "--context", "staging" }, "QG4001")]
    [InlineData(new[] { "deployments", "--model", "a/b" }, "QG0005")]
    public void BadDeploymentInputExitsTwo(string[] args, string code)
    {
        using var cli = new RegistryCli();

        var run = cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.ErrorCodes);
        Assert.Equal(string.Empty, run.Output);
    }
}
