using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Waivers;

namespace QualityGates.Tests.Running;

/// <summary>A failed security check names its findings: in its message (QG2009–QG2011), in the JSON report's <c>metrics.security.findings</c> and in gates.html.</summary>
public sealed class SecurityFindingsRunTests : IDisposable
{
    private static readonly string DebianBuster = Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunResult Execute(string scan, string? waivers = null)
    {
        if (waivers is not null)
        {
            _dir.Write(WaiversFile.FileName, waivers);
        }

        return new GateRun().Execute(new GateRunRequest
        {
            Context = "production",
            Strict = false,
            Groups = GateGroup.Security,
            BaseDirectory = _dir.Path,
            SecurityScanFiles = [scan],
            Reports = new ReportOptions { Folder = "reports" },
            Environment = name => name == WaiverSet.TodayVariable ? "2026-11-30" : null,
        }, TextWriter.Null);
    }

    [Fact]
    public void TheErrorTheJsonReportAndThePageNameTheCriticalFinding()
    {
        var result = Execute(DebianBuster);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(ErrorCodes.CriticalVulnerabilitiesAboveMaximum, error.Code);
        Assert.Equal("1 critical vulnerability exceeds the production maximum of 0 (scan: trivy): CVE-2019-18224 in libidn2-0 2.0.5-1 (fixed in 2.0.5-1+deb10u1)", error.Message);

        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Json));
        var security = json.RootElement.GetProperty("metrics").GetProperty("security");
        Assert.Equal(50, security.GetProperty("findingsListedPerSeverity").GetInt32());
        var findings = security.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["CVE-2019-18224", "CVE-2019-18276"], findings.Select(f => f.GetProperty("advisory").GetString()));
        Assert.Equal(
            ["advisory", "aliases", "package", "version", "severity", "kind", "fixedVersion", "scanFile", "tool", "location", "message"],
            findings[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("libidn2-0", "2.0.5-1", "critical", "2.0.5-1+deb10u1", "trivy-debian-buster.json.golden"), (
            findings[0].GetProperty("package").GetString(), findings[0].GetProperty("version").GetString(), findings[0].GetProperty("severity").GetString(),
            findings[0].GetProperty("fixedVersion").GetString(), findings[0].GetProperty("scanFile").GetString()));
        Assert.Equal(JsonValueKind.Null, findings[1].GetProperty("fixedVersion").ValueKind);

        var html = File.ReadAllText(result.Files.Html!);
        Assert.Contains("<h3>Findings of the failed security checks</h3>", html);
        Assert.Contains("<tr><td>critical</td><td>CVE-2019-18224</td><td>libidn2-0 2.0.5-1</td><td>2.0.5-1+deb10u1</td><td></td><td>trivy-debian-buster.json.golden</td></tr>", html);
        // Only the failed check's severity: the low finding is in the JSON report, not in the table.
        Assert.DoesNotContain("<td>CVE-2019-18276</td>", html);

        var summary = MarkdownSummary.Render(result.Report!, files: null, long.MaxValue)!;
        Assert.Contains("**Findings of the failed security checks**: 1 (1 listed)", summary);
        Assert.Contains("| critical | CVE-2019-18224 in libidn2-0 2.0.5-1 (fixed in 2.0.5-1+deb10u1) | trivy-debian-buster.json.golden |\n", summary);
    }

    [Fact]
    public void TheMessageNamesThreeAndCountsTheRest()
    {
        var scan = Path.Combine(_dir.Path, "large.json");
        LargeScanWriter.Write(scan, LargeScanWriter.Trivy, 300, brief: true);

        var result = Execute(scan);

        var error = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.CriticalVulnerabilitiesAboveMaximum);
        Assert.EndsWith(
            "(scan: trivy): CVE-2026-100000 in libexample0 1.2.0 (fixed in 1.3.0), CVE-2026-100005 in libexample5 1.2.5 (fixed in 1.3.0), "
            + "CVE-2026-100010 in libexample10 1.2.3 (fixed in 1.3.0) and 57 more", error.Message);
        var html = File.ReadAllText(result.Files!.Html!);
        Assert.Contains("<tr><td>critical</td><td>and 10 more (not listed)</td>", html);
    }

    [Fact]
    public void NamesFromTheScanAreShownInertOnThePage()
    {
        var scan = _dir.Write("hostile.json", """
            { "SchemaVersion": 2, "Results": [ { "Target": "app", "Vulnerabilities": [
              { "VulnerabilityID": "CVE-2024-0001", "PkgName": "<script>alert(1)</script>\u202Egpj.exe", "InstalledVersion": "1.0\u200B", "Severity": "CRITICAL" } ] } ] }
            """);

        var result = Execute(scan);

        var html = File.ReadAllText(result.Files!.Html!);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;&lt;U+202E&gt;gpj.exe 1.0&lt;U+200B&gt;</td>", html);
        Assert.DoesNotContain("<script>", html);
        // Ordinal: a culture-aware search ignores U+202E and would find it anywhere.
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AWaivedFindingIsNotListed()
    {
        var result = Execute(DebianBuster, """
            { "waivers": [ { "advisory": "CVE-2019-18224", "package": "libidn2-0", "owner": "team@example.com", "reason": "no fix in the base image", "expires": "2027-01-31" } ] }
            """);

        var security = result.Report!.Inputs.Security!;
        Assert.Equal("CVE-2019-18276", Assert.Single(security.Listed).Advisory);
        Assert.Equal("CVE-2019-18224", Assert.Single(security.Waived).Finding.Advisory);
    }
}
