using System.Text.Json;
using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// Waivers on the shared consumer: a critical finding in production passes only while its waiver is active
/// (status Waived with owner and expiry in every report), fails again naming the owner once the waiver has
/// expired (the test clock QUALITYGATES_TODAY, not a sleep), and a coverage figure in its warning band is a
/// warning under both console loggers while its JUnit case stays passing.
/// </summary>
[Collection(SharedConsumer.Collection)]
public sealed class WaiverTests(ITestOutputHelper output)
{
    private const string Owner = "team-platform@example.com";

    // The CVE-2019-18224 finding of Trivy's debian-buster golden file (fixtures/security/trivy), trimmed.
    private const string TrivyScan = """
        {
          "SchemaVersion": 2,
          "ArtifactName": "debian:buster",
          "Results": [
            {
              "Target": "debian:buster (debian 10.1)",
              "Class": "os-pkgs",
              "Type": "debian",
              "Vulnerabilities": [
                { "VulnerabilityID": "CVE-2019-18224", "VendorIDs": ["DSA-4613-1"], "PkgName": "libidn2-0", "InstalledVersion": "2.0.5-1",
                  "FixedVersion": "2.0.5-1+deb10u1", "Severity": "CRITICAL",
                  "References": ["https://access.redhat.com/security/cve/CVE-2019-18224", "https://nvd.nist.gov/vuln/detail/CVE-2019-18224"] },
                { "VulnerabilityID": "CVE-2019-18276", "PkgName": "bash", "InstalledVersion": "5.0-4", "Severity": "LOW" }
              ]
            }
          ]
        }
        """;

    private const string WaiversFile = """
        { "waivers": [
          { "advisory": "CVE-2019-18224", "package": "libidn2-0", "contexts": ["staging", "production"],
            "owner": "team-platform@example.com", "reason": "no fixed version in the base image yet", "expires": "2027-01-31" } ] }
        """;

    // The shared consumer's Lib at 3 of 12 lines (as coverlet measures it with QG_PARTIAL_COVERAGE=1): a file
    // instead of a collector, which would add seconds to both runs.
    private const string PartialCoverage = """
        <?xml version="1.0" encoding="utf-8"?>
        <coverage line-rate="0.25" branch-rate="0" version="1.9" timestamp="1796044965" lines-covered="3" lines-valid="12" branches-covered="0" branches-valid="0">
          <sources><source>/</source></sources>
          <packages><package name="Lib" line-rate="0.25" branch-rate="0" complexity="1"><classes>
            <class name="Lib.Calculator" filename="Lib/Calculator.cs" line-rate="0.25" branch-rate="0" complexity="1"><methods /><lines>
              <line number="6" hits="50" /><line number="7" hits="50" /><line number="8" hits="50" /><line number="11" hits="0" />
              <line number="12" hits="0" /><line number="13" hits="0" /><line number="14" hits="0" /><line number="17" hits="0" />
              <line number="18" hits="0" /><line number="19" hits="0" /><line number="22" hits="0" /><line number="23" hits="0" />
            </lines></class>
          </classes></package></packages>
        </coverage>
        """;

    [Fact]
    public void ACriticalFindingPassesProductionOnlyWhileItsWaiverIsActiveAndCoverageInItsWarningBandWarns()
    {
        var workspace = SharedConsumer.Get(output);
        var summary = workspace.Write("ci/step-summary.md", string.Empty);

        var active = Run(workspace, "2026-11-30", "-tl:on", new()
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace.Root,
            ["GITHUB_STEP_SUMMARY"] = summary,
        });

        Assert.Equal(0, active.ExitCode);
        Assert.Empty(active.GateErrorCodes);
        Assert.Contains("QG2021", active.WarningCodes);
        Assert.Contains("QG2018", active.WarningCodes);
        // The terminal logger shows warnings: the waived finding with its owner and expiry, and the coverage warning.
        Assert.Contains($"waived by {Owner} until 2027-01-31", active.Output);
        Assert.Contains("below the production warning level of 50.0%", active.Output);
        var folder = workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates");
        var junit = GateReports.In(folder).JUnit;
        Assert.Empty(junit.Descendants("failure"));
        var critical = junit.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).Contains("security.critical"));
        Assert.Contains($"waived by {Owner} until 2027-01-31", (string)critical.Element("system-out")!);
        var coverage = junit.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).Contains("coverage.line"));
        Assert.Contains("warning level", (string)coverage.Element("system-out")!);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "latest.json"))))
        {
            var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("gate").GetString()!);
            Assert.Equal("waived", checks["security.critical"].GetProperty("status").GetString());
            Assert.Equal("warning", checks["coverage.line"].GetProperty("status").GetString());
            var waiver = Assert.Single(checks["security.critical"].GetProperty("waivers").EnumerateArray());
            Assert.Equal((Owner, "2027-01-31"), (waiver.GetProperty("owner").GetString(), waiver.GetProperty("expires").GetString()));
            Assert.Equal("CVE-2019-18224", Assert.Single(json.RootElement.GetProperty("metrics").GetProperty("security").GetProperty("waived").EnumerateArray()).GetProperty("advisory").GetString());
        }

        var html = File.ReadAllText(Path.Combine(folder, "gates.html"));
        Assert.Contains("WAIVED", html);
        Assert.Contains(Owner, html);
        var markdown = File.ReadAllText(summary);
        Assert.Contains("🛡️ waived", markdown);
        Assert.Contains($"waived by {Owner} until 2027-01-31", markdown);

        var expired = Run(workspace, "2027-02-01", "-tl:off");

        Assert.NotEqual(0, expired.ExitCode);
        Assert.Equal(["QG2009"], expired.GateErrorCodes);
        Assert.Contains("QG2019", expired.WarningCodes);
        Assert.Contains("QG2018", expired.WarningCodes);
        Assert.Contains($"The waiver of advisory CVE-2019-18224 in libidn2-0 owned by {Owner} expired on 2027-01-31", Assert.Single(expired.Warnings, w => w.Contains("QG2019")));
        Assert.Contains($"the waiver of advisory CVE-2019-18224 in libidn2-0 by {Owner} expired on 2027-01-31", Assert.Single(expired.Errors));
        Assert.Equal(("FAIL", "1"), GateTable.Row(expired.Output, "security.critical"));
        Assert.Equal(("WARN", "25.0%"), GateTable.Row(expired.Output, "coverage.line"));
    }

    private static CommandResult Run(Workspace workspace, string today, string terminalLogger, Dictionary<string, string>? environment = null)
    {
        var scan = workspace.Write("scans/trivy.json", TrivyScan);
        var waivers = workspace.Write("waivers/qualitygates.waivers.json", WaiversFile);
        var coverage = workspace.Write("coverage/lib.cobertura.xml", PartialCoverage);
        var variables = new Dictionary<string, string>(environment ?? []) { ["QUALITYGATES_TODAY"] = today };
        return workspace.Test(
            ["-p:QualityGatesContext=production", "-p:QualityGatesSecurityScanFiles=" + scan, "-p:QualityGatesCoverageFiles=" + coverage,
                "-p:QualityGatesWaiversFile=" + waivers, "-p:QualityGatesMinLineCoverage=0.2", "-p:QualityGatesWarnLineCoverage=0.5", terminalLogger],
            variables);
    }
}
