using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Waivers;

namespace QualityGates.Tests.Waivers;

/// <summary>Waivers through <see cref="GateRun"/>: a waivers file against Trivy's debian-buster scan (CVE-2019-18224, critical, in libidn2-0).</summary>
public sealed class WaiverRunTests : IDisposable
{
    // The issue's example, as a user would write it.
    private const string IssueExample = """
        { "waivers": [
          { "advisory": "CVE-2019-18224", "package": "libidn2-0", "contexts": ["staging", "production"],
            "owner": "team-platform@example.com", "reason": "no fixed version in the base image yet",
            "expires": "2027-01-31" },
          { "gate": "coverage.line", "contexts": ["production"], "owner": "alice@example.com",
            "reason": "legacy module being rewritten", "expires": "2026-12-20" } ] }
        """;

    private static readonly string Scan = Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunResult Execute(string today, string context = "production", string? waivers = IssueExample, Func<GateRunRequest, GateRunRequest>? change = null)
    {
        if (waivers is not null)
        {
            _dir.Write(WaiversFile.FileName, waivers);
        }

        var request = new GateRunRequest
        {
            Context = context,
            Strict = false,
            Groups = GateGroup.Security,
            BaseDirectory = _dir.Path,
            SecurityScanFiles = [Scan],
            Reports = new ReportOptions { Folder = "reports" },
            Environment = name => name == WaiverSet.TodayVariable ? today : null,
        };
        return new GateRun().Execute(change?.Invoke(request) ?? request, TextWriter.Null);
    }

    [Fact]
    public void AnActiveWaiverPassesTheCriticalFindingAsWaivedAndTakesItOutOfTheCounts()
    {
        var result = Execute("2026-11-30");

        Assert.True(result.Passed);
        var critical = result.Report!.Checks.Single(c => c.Gate == GateNames.CriticalVulnerabilities);
        Assert.Equal((GateStatus.Waived, ErrorCodes.CheckWaived, 0.0), (critical.Status, critical.Code, critical.Value!.Value));
        Assert.Equal("team-platform@example.com", Assert.Single(critical.Waivers).Owner);
        Assert.Contains("waived by team-platform@example.com until 2027-01-31: no fixed version in the base image yet", critical.Message);
        var security = result.Report.Inputs.Security!;
        Assert.Equal((0, 1), (security.Critical, security.Low));
        Assert.Equal("CVE-2019-18224", Assert.Single(security.Waived).Finding.Advisory);
        // The coverage.line waiver matched nothing in this run: reported so dead entries get cleaned up.
        Assert.Equal([ErrorCodes.CheckWaived, ErrorCodes.WaiverUnused], result.Diagnostics.Select(d => d.Code));
        var unused = result.Diagnostics[1];
        Assert.Equal((Path.Combine(_dir.Path, WaiversFile.FileName), 5), (unused.File, unused.Line));
        Assert.Contains("alice@example.com", unused.Message);
        Assert.Equal([WaiverState.Applied, WaiverState.Unused], result.Report.Waivers.Select(w => w.State));
    }

    [Fact]
    public void AnExpiredWaiverFailsAgainAndNamesItsOwner()
    {
        var result = Execute("2027-02-01");

        Assert.False(result.Passed);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(ErrorCodes.CriticalVulnerabilitiesAboveMaximum, error.Code);
        Assert.Contains("the waiver of advisory CVE-2019-18224 in libidn2-0 by team-platform@example.com expired on 2027-01-31", error.Message);
        var expired = result.Diagnostics.Where(d => d.Code == ErrorCodes.WaiverExpired).ToList();
        Assert.Equal(2, expired.Count);
        Assert.Contains("owned by team-platform@example.com expired on 2027-01-31", expired[0].Message);
        Assert.Equal(2, expired[0].Line);
    }

    [Fact]
    public void TheLastDayIsStillActive()
    {
        Assert.True(Execute("2027-01-31", context: "staging").Passed);
    }

    [Fact]
    public void AWaiverForAnotherContextWaivesNothing()
    {
        var result = Execute("2026-11-30", context: "development");

        Assert.False(result.Passed);
        Assert.Empty(result.Report!.Waivers);
    }

    [Fact]
    public void AnExpiryBeyondTheContextsLongestWaiverIsAConfigurationErrorWithItsLine()
    {
        var result = Execute("2026-06-01");

        Assert.Null(result.Report);
        Assert.Equal([(ErrorCodes.WaiverExpiryTooFar, 2), (ErrorCodes.WaiverExpiryTooFar, 5)], result.Diagnostics.Select(d => (d.Code, d.Line)));
        var error = result.Diagnostics[0];
        Assert.Contains("expires 2027-01-31, more than 90 days after today (2026-06-01)", error.Message);
        Assert.Contains("the production context allows (the production QualityGatesMaxWaiverDays)", error.Message);
    }

    [Fact]
    public void MaxWaiverDaysRaisesTheLongestWaiver()
    {
        var result = Execute("2026-06-01", change: r => r with { Overrides = [new ThresholdOverride("MaxWaiverDays", "365", "QualityGatesMaxWaiverDays")] });

        Assert.True(result.Passed);
    }

    [Fact]
    public void ABadTestClockIsAConfigurationError()
    {
        var result = Execute("30.11.2026");

        Assert.Equal(ErrorCodes.TestClockInvalid, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void ANamedWaiversFileThatDoesNotExistIsAConfigurationError()
    {
        var result = Execute("2026-11-30", waivers: null, change: r => r with { WaiversFile = "missing.json", WaiversFileSource = "QualityGatesWaiversFile" });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.WaiversFileNotFound, error.Code);
        Assert.StartsWith("QualityGatesWaiversFile is 'missing.json'", error.Message);
    }

    [Theory, FolderStore, PostgresStore]
    public void TheApprovalRecordsTheWaiversInTheRegistry(string store)
    {
        using var scene = new Tests.Registry.RegistryScene(store);
        var result = Execute("2026-11-30", change: r => r with
        {
            Model = new Metrics.ModelIdentity("veran", "v6.2"),
            Registry = new RegistryOptions { Folder = scene.Setting, ApprovedBy = "qa@example.com" },
        });

        Assert.Equal(RegistryRecordKind.Approved, result.RegistryRecord!.Kind);
        var stored = scene.Registry.GetHistory("veran").Value.Single();
        Assert.Equal(
            [new ReportWaiverEntry("advisory CVE-2019-18224 in libidn2-0", "team-platform@example.com", "no fixed version in the base image yet", "2027-01-31", "applied"),
             new ReportWaiverEntry("gate coverage.line", "alice@example.com", "legacy module being rewritten", "2026-12-20", "unused")],
            stored.Report!.Waivers);
    }

    [Fact]
    public void AGateWaiverTurnsAFailedCheckIntoWaived()
    {
        var waivers = """{ "waivers": [ { "gate": "security.critical", "owner": "bob@example.com", "reason": "accepted risk", "expires": "2026-12-31" } ] }""";

        var result = Execute("2026-11-30", waivers: waivers);

        Assert.True(result.Passed);
        var critical = result.Report!.Checks.Single(c => c.Gate == GateNames.CriticalVulnerabilities);
        Assert.Equal((GateStatus.Waived, 1.0), (critical.Status, critical.Value!.Value));
        Assert.Empty(result.Report.Inputs.Security!.Waived);
    }

    [Fact]
    public void TheJsonReportNamesTheWaiversFileRelativeToTheRepositoryRoot()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));

        var result = Execute("2026-11-30", change: r => r with { Reports = r.Reports with { Json = true } });

        using var json = System.Text.Json.JsonDocument.Parse(result.Json!);
        var waivers = json.RootElement.GetProperty("waivers").EnumerateArray().ToList();
        Assert.Equal(["applied", "unused"], waivers.Select(w => w.GetProperty("state").GetString()));
        Assert.Equal((WaiversFile.FileName, 2), (waivers[0].GetProperty("file").GetString(), waivers[0].GetProperty("line").GetInt32()));
        Assert.Equal(Path.Combine(_dir.Path, WaiversFile.FileName), result.Diagnostics.Single(d => d.Code == ErrorCodes.WaiverUnused).File);
    }

    [Fact]
    public void TheFileIsFoundFromTheProjectFolderUpToTheRepositoryRoot()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));
        var file = _dir.Write(WaiversFile.FileName, IssueExample);
        var project = Path.Combine(_dir.Path, "tests", "App.Tests");
        Directory.CreateDirectory(project);

        Assert.Equal(file, WaiversFile.Find(project));
        File.Delete(file);
        Assert.Null(WaiversFile.Find(project));
    }
}
