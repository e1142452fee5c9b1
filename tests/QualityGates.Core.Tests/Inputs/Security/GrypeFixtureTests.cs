using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Every grype JSON fixture, against the MANIFEST's severity counts (Negligible counts as low).</summary>
public sealed class GrypeFixtureTests
{
    [Theory]
    [InlineData("grype-TestJsonImgsPresenter.json", 1, 0, 0, 1, 0)]
    [InlineData("grype-TestJsonDirsPresenter.json", 1, 0, 0, 1, 0)]
    [InlineData("grype-TestEmptyJsonPresenter.json", 0, 0, 0, 0, 0)]
    [InlineData("defectdojo-grype-fix_available.json", 0, 1, 0, 0, 0)]
    [InlineData("defectdojo-grype-many_vulns4.json", 2, 2, 5, 0, 0)]
    [InlineData("defectdojo-grype-many_vulns_with_epss_values.json", 1, 10, 2, 2, 0)]
    // 1 match with no severity field (CVE-2024-26308, commons-compress) is Unknown
    [InlineData("defectdojo-grype-issue_9618.json", 1, 18, 13, 2, 1)]
    [InlineData("defectdojo-grype-no_vuln.json", 0, 0, 0, 0, 0)]
    // old grype 0.7.0 schema, 1509 matches: High 32, Medium 613, Low 107 + Negligible 681 = 788, Unknown 76
    [InlineData("defectdojo-grype-many_vulns.json", 0, 32, 613, 788, 76)]
    public void CountsEveryMatchByItsSeverity(string file, int critical, int high, int medium, int low, int unknown)
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "grype", file));

        SecurityCounts.Equal(summary, critical, high, medium, low, unknown);
        Assert.Equal(["grype"], summary.Formats);
        Assert.Equal(["grype"], summary.ScanTools);
    }

    [Fact]
    public void CountsARepeatedMatchOnceButTheSameAdvisoryOnTwoPackagesTwice()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "grype", "defectdojo-grype-check_all_fields.json"));

        // MANIFEST (raw): 6 matches, Critical 2, High 3, Negligible 1. Our figure is High 2: the
        // match GHSA-v6rh-hp5x-86rv on Django 3.2.9 (python, High) appears twice, byte-for-byte
        // identical (same locations under site-packages/Django-3.2.9.dist-info), and counts once.
        // CVE-2021-33574 (Critical) on libc-bin 2.28-10 and on libc6 2.28-10 is two packages, so it
        // stays 2. Negligible (CVE-2004-0971) counts as Low.
        SecurityCounts.Equal(summary, 2, 2, 0, 1, 0);
    }
}
