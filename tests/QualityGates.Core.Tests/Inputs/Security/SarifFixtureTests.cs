using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>
/// Every SARIF fixture. The MANIFEST gives effective levels; the buckets follow from the mapping
/// error → high, warning → medium, note → low, unless the rule has a security-severity score.
/// </summary>
public sealed class SarifFixtureTests
{
    [Theory]
    // 13 results, all error
    [InlineData("defectdojo-dependency_check.sarif", "dependency-check", 0, 13, 0, 0, 0)]
    // no level on any result; rule defaultConfiguration.level via ruleIndex: note 57, error 11, warning 4
    [InlineData("defectdojo-codeQL-output.sarif", "CodeQL", 0, 11, 4, 57, 0)]
    // error 1, note 3
    [InlineData("defectdojo-dockle_0_3_15.sarif", "Dockle", 0, 1, 0, 3, 0)]
    // 5 results, effective warning; 3 carry suppressions and do not count
    [InlineData("defectdojo-suppression_test.sarif", "CodeScanner", 0, 0, 2, 0, 0)]
    [InlineData("defectdojo-no_runs.sarif", null, 0, 0, 0, 0, 0)]
    // 1768 results, effective warning via ruleId; no two share rule, place and message
    [InlineData("defectdojo-semgrepowasp-benchmark-sample.sarif", "semgrep", 0, 0, 1768, 0, 0)]
    public void CountsResultsByEffectiveLevel(string file, string? tool, int critical, int high, int medium, int low, int unknown)
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "sarif", file));

        SecurityCounts.Equal(summary, critical, high, medium, low, unknown);
        Assert.Equal(["sarif"], summary.Formats);
        Assert.Equal(tool is null ? [] : [tool], summary.ScanTools);
    }

    [Fact]
    public void RefusesTheSpotBugsRunThatSaysItDidNotCompleteWithQG1013()
    {
        // 56 note results, but the invocation says executionSuccessful false (exit code 3: classes were missing).
        var path = Fixtures.Path("security", "sarif", "defectdojo-spotbugs.sarif");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.ScanReportedError, error.Code);
        Assert.Contains("executionSuccessful is false (exit code 3)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // MANIFEST: error 1, note 1 — but both rules carry security-severity (8.2 and 8.5), which wins: high 2.
    [InlineData("grype-TestSarifPresenter_image.sarif")]
    [InlineData("grype-TestSarifPresenter_directory.sarif")]
    public void RanksGrypeResultsByTheirSecuritySeverityScore(string file)
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "sarif", file));

        SecurityCounts.Equal(summary, 0, 2, 0, 0, 0);
        Assert.Equal(["grype"], summary.ScanTools);
    }

    [Fact]
    public void KeepsTrivyResultsForDifferentPackagesAtTheSamePlaceApart()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-alpine-310.sarif.golden"));

        // 4 results, level warning, security-severity 5.3 → medium. All four sit at
        // alpine-310.tar.gz line 1 and share two rule ids (CVE-2019-1549, CVE-2019-1551), but each
        // is on a different package (libcrypto1.1, libssl1.1), named only in the message: 4, not 2.
        SecurityCounts.Equal(summary, 0, 0, 4, 0, 0);
        Assert.Equal(["Trivy"], summary.ScanTools);
    }

    [Fact]
    public void CountsASecretFoundInTwoCommitsAtTheSamePlaceOnce()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "sarif", "defectdojo-gitleaks_7.5.0.sarif"));

        // MANIFEST (raw): 8 results, no level, effective warning → medium 8. Our figure is medium 4:
        // gitleaks scanned the git history and reported each secret once per commit that holds it
        // (commits 6d127980 and 8bbcdfd7). The pairs differ only in properties (commit, author,
        // date); rule (none), uri, startLine and message agree:
        //   gitlab_secret_detection_report_1_vuln.json:13 "AWS Access Key secret detected" x2
        //   gitlab_secret_detection_report_3_vuln.json:13 "Asymmetric Private Key secret detected" x2
        //   gitlab_secret_detection_report_3_vuln.json:44 "AWS Access Key secret detected" x2
        //   test_gitlab_secret_detection_report_parser.py:37 "AWS Access Key secret detected" x2
        SecurityCounts.Equal(summary, 0, 0, 4, 0, 0);
    }
}
