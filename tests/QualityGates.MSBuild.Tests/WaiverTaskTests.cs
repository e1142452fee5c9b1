using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>Waivers through the task: the waivers file setting, the test clock and the warning tier, as the build log shows them.</summary>
public sealed class WaiverTaskTests : IDisposable
{
    private static readonly string Scan = Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TaskRun SecurityRun(string today)
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        run.Set("Context", "production");
        run.Set("Strict", "false");
        run.Set("Checks", ["Security"]);
        run.Set("SecurityScanFiles", [Scan]);
        run.Set("WaiversFile", "config/waivers.json");
        run.Environment["QUALITYGATES_TODAY"] = today;
        _temp.Write("config/waivers.json", """
            { "waivers": [ { "advisory": "CVE-2019-18224", "owner": "team-platform@example.com",
              "reason": "no fixed version in the base image yet", "expires": "2027-01-31" } ] }
            """);
        return run;
    }

    [Fact]
    public void AWaivedFindingIsAWarningWithItsOwnerAndTheResultItemSaysWaived()
    {
        var run = SecurityRun("2026-11-30");

        Assert.True(run.Execute());

        Assert.Empty(run.Engine.Errors);
        var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "QG2021");
        Assert.Contains("waived by team-platform@example.com until 2027-01-31", warning.Message);
        var item = run.Result("security.critical");
        Assert.Equal(("Waived", "team-platform@example.com", "2027-01-31"), (item.GetMetadata("Status"), item.GetMetadata("WaivedBy"), item.GetMetadata("WaiverExpires")));
    }

    [Fact]
    public void AnExpiredWaiverFailsAndTheWarningPointsAtItsLine()
    {
        var run = SecurityRun("2027-02-01");

        Assert.False(run.Execute());

        Assert.Equal("QG2009", Assert.Single(run.Engine.Errors).Code);
        var expired = Assert.Single(run.Engine.Warnings, w => w.Code == "QG2019");
        Assert.Equal((Path.Combine(_temp.Path, "config", "waivers.json"), 1), (expired.File, expired.LineNumber));
        Assert.Contains("owned by team-platform@example.com", expired.Message);
    }

    [Fact]
    public void AWarningLevelOnTheWrongSideNamesBothProperties()
    {
        var run = SecurityRun("2026-11-30").Threshold("WarnHighVulnerabilities", "3");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0014", error.Code);
        Assert.StartsWith("QualityGatesWarnHighVulnerabilities is 3, on the failing side of the production QualityGatesMaxHighVulnerabilities (≤ 2)", error.Message);
    }
}
