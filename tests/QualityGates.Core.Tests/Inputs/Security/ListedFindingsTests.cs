using QualityGates.Inputs.Common;
using QualityGates.Inputs.Security;
using QualityGates.Metrics;
using QualityGates.Testing;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>The counted findings reports name (<see cref="SecuritySummary.Listed"/>): one test per scan format on real files, the cap on a generated scan.</summary>
public sealed class ListedFindingsTests
{
    [Fact]
    public void TrivyNamesEachVulnerabilityWithItsFixedVersionHighestSeverityFirst()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden"));

        Assert.Equal(
            [("CVE-2019-18224", "libidn2-0", "2.0.5-1", "2.0.5-1+deb10u1", "critical"), ("CVE-2019-18276", "bash", "5.0-4", null, "low")],
            summary.Listed.Select(f => (f.Advisory, f.Package, f.Version, f.FixedVersion, f.Severity)));
        Assert.All(summary.Listed, f => Assert.Equal(("package", "trivy-debian-buster.json.golden", null), (f.Kind, f.ScanFile, f.Location)));
        Assert.Equal("CVE-2019-18224 in libidn2-0 2.0.5-1 (fixed in 2.0.5-1+deb10u1)", summary.Listed[0].ToString());
    }

    [Fact]
    public void TrivySecretsAndMisconfigurationsAreNamedByRuleAndPlace()
    {
        var secrets = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-secrets.json.golden"));
        var dockerfile = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-dockerfile.json.golden"));

        Assert.Equal(
            [("secret", "aws-access-key-id", "deploy.sh:3", "AWS Access Key ID", "critical"), ("secret", "mysecret", "deploy.sh:7", "My Secret", "high")],
            secrets.Listed.Select(f => (f.Kind, f.Advisory, f.Location, f.Message, f.Severity)));
        var misconfiguration = Assert.Single(dockerfile.Listed);
        Assert.Equal(("misconfiguration", "DS-0002", "Dockerfile", null, "high"), (misconfiguration.Kind, misconfiguration.Advisory, misconfiguration.Location, misconfiguration.Package, misconfiguration.Severity));
        Assert.Equal("Specify at least 1 USER command in Dockerfile with non-root user as argument", misconfiguration.Message);
    }

    [Fact]
    public void GrypeGivesTheFixVersionsAndKeepsTheVersionAsWritten()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "grype", "defectdojo-grype-fix_available.json"));

        var finding = Assert.Single(summary.Listed);
        // The version holds a NUL in the file (a JVM argument grype picked up): kept as data, shown escaped by each report.
        Assert.Equal(("CVE-2009-3882", "java", "17.0.10+7\0-J-ms8m", "1.2.3", "high"), (finding.Advisory, finding.Package, finding.Version, finding.FixedVersion, finding.Severity));
    }

    [Fact]
    public void SarifResultsAreNamedByRuleLocationAndMessage()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-alpine-310.sarif.golden"));

        Assert.Equal(4, summary.Listed.Count);
        Assert.Equal(["CVE-2019-1549", "CVE-2019-1549", "CVE-2019-1551", "CVE-2019-1551"], summary.Listed.Select(f => f.Advisory));
        Assert.All(summary.Listed, f => Assert.Equal(("result", null, "testdata/fixtures/images/alpine-310.tar.gz:1", "medium"), (f.Kind, f.Package, f.Location, f.Severity)));
        // Same rule and place: the message (one line) tells them apart, and orders them.
        Assert.StartsWith("Package: libcrypto1.1 Installed Version: 1.1.1c-r0 Vulnerability CVE-2019-1549", summary.Listed[0].Message);
        Assert.StartsWith("Package: libssl1.1 ", summary.Listed[1].Message);
        Assert.All(summary.Listed, f => Assert.True(f.Message!.Length <= FindingDetails.MessageLength));
    }

    [Fact]
    public void DotnetListPackageNamesTheAdvisoryFromItsUrl()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "dotnet-list-vulnerable", "defectdojo-dotnet_vulnerable_one_vuln.json"));

        var finding = Assert.Single(summary.Listed);
        Assert.Equal(("GHSA-cmhx-cq75-c4mj", "System.Text.RegularExpressions", "4.3.0", null, "high"), (finding.Advisory, finding.Package, finding.Version, finding.FixedVersion, finding.Severity));
    }

    [Fact]
    public void ListsAreInSeverityThenAdvisoryThenPackageOrderAndMatchTheCounts()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "defectdojo-trivy-legacy_many_vulns.json"));

        SecurityCounts.Equal(summary, 0, 18, 9, 65, 1);
        Assert.Equal([18, 9, 50, 1], new[] { "high", "medium", "low", "unknown" }.Select(s => summary.Listed.Count(f => f.Severity == s)));
        var expected = summary.Listed
            .OrderByDescending(f => Enum.Parse<FindingSeverity>(f.Severity, ignoreCase: true))
            .ThenBy(f => f.Advisory, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Package, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(expected, summary.Listed);
    }

    [Fact]
    public void ASimpleCountsScanNamesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("scan.json", """{ "critical_vulnerabilities": 2, "high_vulnerabilities": 1 }""");

        var summary = SecurityScanReader.Read(path);

        Assert.Equal((2, 1), (summary.Critical, summary.High));
        Assert.Empty(summary.Listed);
    }

    [Theory]
    [InlineData(LargeScanWriter.Trivy)]
    [InlineData(LargeScanWriter.Sarif)]
    [InlineData(LargeScanWriter.Grype)]
    public void AGeneratedLargeScanListsFiftyOfEachSeverityAndCountsTheRest(string format)
    {
        const int findings = 5_000;
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "large.json");
        LargeScanWriter.Write(path, format, findings, brief: true);
        Assert.True(new FileInfo(path).Length > JsonReadLimits.Default.HoldLimit, "the file must be streamed, not held whole");

        var summary = SecurityScanReader.Read(path);

        var (critical, high, medium, low, unknown) = LargeScanWriter.Expected(format, findings);
        SecurityCounts.Equal(summary, critical, high, medium, low, unknown);
        foreach (var severity in new[] { "critical", "high", "medium", "low" })
        {
            Assert.Equal(SecuritySummary.ListedPerSeverity, summary.Listed.Count(f => f.Severity == severity));
        }

        // The first in report order, not the first in the file: finding i is CVE-2026-(100000 + i), critical when i % 5 == 0;
        // SARIF names it only in its message (rule RULE-0), which orders results of one rule and place.
        var criticals = summary.Listed.Where(f => f.Severity == "critical").ToList();
        var first = Enumerable.Range(0, 50).Select(k => $"CVE-2026-{100000 + (5 * k)}");
        if (format == LargeScanWriter.Sarif)
        {
            Assert.All(criticals, f => Assert.Equal("RULE-0", f.Advisory));
            Assert.Equal(criticals.Select(f => f.Message).Order(StringComparer.OrdinalIgnoreCase), criticals.Select(f => f.Message));
        }
        else
        {
            Assert.Equal(first, criticals.Select(f => f.Advisory));
        }
    }

    [Fact]
    public void TwoReportsOfOneAdvisoryUnderAliasesAreListedOnceWithTheHigherSeverity()
    {
        var tally = new FindingTally();
        tally.AddPackage(FindingSeverity.Medium, "GHSA-aaaa-bbbb-cccc", [], "Lib", "1.0.0");
        tally.AddPackage(FindingSeverity.High, "CVE-2024-0001", [], "lib", "1.0.0", "1.0.1");
        tally.AddPackage(FindingSeverity.Low, "CVE-2024-0001", ["GHSA-aaaa-bbbb-cccc"], "LIB", "1.0.0");

        var finding = Assert.Single(tally.Listed());
        Assert.Equal(("high", "1.0.1"), (finding.Severity, finding.FixedVersion));
        Assert.True(finding.IsKnownAs("CVE-2024-0001") && finding.IsKnownAs("GHSA-aaaa-bbbb-cccc"));
        Assert.Equal(1, tally.ToSummary().High);
    }
}
