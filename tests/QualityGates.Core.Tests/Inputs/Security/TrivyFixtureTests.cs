using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Every Trivy JSON fixture, against the MANIFEST's severity counts.</summary>
public sealed class TrivyFixtureTests
{
    [Theory]
    // SchemaVersion 2 (Trivy's own integration-test goldens)
    [InlineData("trivy-alpine-310.json.golden", 0, 0, 4, 0, 0)]
    [InlineData("trivy-debian-buster.json.golden", 1, 0, 0, 1, 0)]
    [InlineData("trivy-ubuntu-1804-ignore-unfixed.json.golden", 0, 0, 4, 0, 0)]
    [InlineData("trivy-nuget.json.golden", 0, 1, 0, 0, 0)]
    [InlineData("trivy-dotnet.json.golden", 0, 1, 0, 0, 0)]
    [InlineData("trivy-packagesprops.json.golden", 0, 1, 0, 0, 0)]
    [InlineData("trivy-npm.json.golden", 0, 0, 1, 0, 0)]
    [InlineData("trivy-fluentd-multiple-lockfiles.json.golden", 1, 1, 0, 1, 0)]
    // 2 Secrets: CRITICAL 1, HIGH 1
    [InlineData("trivy-secrets.json.golden", 1, 1, 0, 0, 0)]
    // 1 Misconfiguration FAIL HIGH
    [InlineData("trivy-dockerfile.json.golden", 0, 1, 0, 0, 0)]
    // legacy top-level array
    [InlineData("trivy-alpine-310-legacy-array-2021.json.golden", 0, 0, 6, 2, 0)]
    [InlineData("defectdojo-trivy-legacy_many_vulns.json", 0, 18, 9, 65, 1)]
    // the literal null
    [InlineData("defectdojo-trivy-legacy_no_vuln.json", 0, 0, 0, 0, 0)]
    [InlineData("defectdojo-trivy-scheme_2_many_vulns.json", 1, 1, 3, 0, 0)]
    [InlineData("defectdojo-trivy-scheme_2_no_vuln.json", 0, 0, 0, 0, 0)]
    // one LOW vulnerability per Status; Status does not filter vulnerabilities
    // 8 statuses, one low each; not_affected is the vendor saying the package is not vulnerable: 7
    [InlineData("defectdojo-trivy-all_statuses.json", 0, 0, 0, 7, 0)]
    [InlineData("defectdojo-trivy-cvssv4_severity_source.json", 0, 0, 1, 2, 0)]
    // vulns HIGH 1 + MEDIUM 1, misconfiguration FAIL HIGH 1, secrets CRITICAL 2
    [InlineData("defectdojo-trivy-misconfigurations_and_secrets.json", 2, 2, 1, 0, 0)]
    public void CountsEveryFindingByItsSeverity(string file, int critical, int high, int medium, int low, int unknown)
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", file));

        SecurityCounts.Equal(summary, critical, high, medium, low, unknown);
        Assert.Equal(["trivy"], summary.Formats);
        Assert.Equal(["trivy"], summary.ScanTools);
    }

    [Fact]
    public void CountsEachVulnerableImagePackageOnceAcrossKubernetesWorkloads()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "defectdojo-trivy-kubernetes.json"));

        // MANIFEST (raw): 10 vulns (MEDIUM 2, LOW 8) + 10 misconfigurations FAIL (MEDIUM 4, LOW 6)
        // = MEDIUM 6, LOW 14. Our figure is MEDIUM 5, LOW 10: the two workloads
        // default/Deployment/redis-follower (gcr.io/google_samples/gb-redis-follower:v2) and
        // default/Deployment/redis-leader (docker.io/redis:6.0.5), both on debian 10.4, report the
        // same 5 advisories on the same package versions, counted once each:
        //   CVE-2020-27350 apt 1.8.2.1 (MEDIUM), CVE-2011-3374 apt 1.8.2.1 (LOW),
        //   CVE-2019-18276 bash 5.0-4 (LOW), CVE-2021-37600 bsdutils 2.33.1-0.1 (LOW),
        //   CVE-2022-0563 bsdutils 2.33.1-0.1 (LOW).
        // The 10 misconfigurations (KSV001/003/011/012/014 on each deployment) stay 10: a check
        // failing on two workloads is two things to fix.
        SecurityCounts.Equal(summary, 0, 0, 5, 10, 0);
    }

    [Fact]
    public void TakesTheTimestampFromCreatedAt()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-nuget.json.golden"));

        Assert.Equal("2021-08-25T12:20:30.000000005Z", summary.ScanTimestamp);
    }
}
