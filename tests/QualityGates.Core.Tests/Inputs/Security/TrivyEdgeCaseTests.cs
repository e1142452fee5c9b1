using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Hand-written Trivy files for what the fixtures do not show.</summary>
public sealed class TrivyEdgeCaseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CountsFailedAndStatuslessMisconfigurationsOnly()
    {
        var path = temp.Write("trivy.json", """
            {
              "SchemaVersion": 2,
              "Results": [
                {
                  "Target": "Dockerfile",
                  "Misconfigurations": [
                    { "ID": "DS001", "Status": "FAIL", "Severity": "HIGH", "Message": "a" },
                    { "ID": "DS002", "Status": "PASS", "Severity": "CRITICAL", "Message": "b" },
                    { "ID": "DS003", "Status": "EXCEPTION", "Severity": "CRITICAL", "Message": "c" },
                    { "ID": "DS004", "Severity": "MEDIUM", "Message": "d" }
                  ]
                }
              ]
            }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 1, 1, 0, 0);
    }

    [Fact]
    public void CountsTheSameAdvisoryOnTheSamePackageVersionOnceAcrossTargets()
    {
        var path = temp.Write("trivy.json", """
            {
              "SchemaVersion": 2,
              "Results": [
                { "Target": "src/A/packages.lock.json", "Vulnerabilities": [
                  { "VulnerabilityID": "GHSA-5crp-9r3c-p9vr", "PkgName": "Newtonsoft.Json", "InstalledVersion": "12.0.3", "Severity": "HIGH" },
                  { "VulnerabilityID": "GHSA-5crp-9r3c-p9vr", "PkgName": "Newtonsoft.Json", "InstalledVersion": "12.0.3", "Severity": "HIGH" }
                ] },
                { "Target": "src/B/packages.lock.json", "Vulnerabilities": [
                  { "VulnerabilityID": "GHSA-5crp-9r3c-p9vr", "PkgName": "newtonsoft.json", "InstalledVersion": "12.0.3", "Severity": "HIGH" },
                  { "VulnerabilityID": "GHSA-5crp-9r3c-p9vr", "PkgName": "Newtonsoft.Json", "InstalledVersion": "12.0.1", "Severity": "HIGH" }
                ] }
              ]
            }
            """);

        // 12.0.3 three times (twice in A, once in B, name case aside) counts once; 12.0.1 is another version.
        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 2, 0, 0, 0);
    }

    [Fact]
    public void KeepsTheHigherSeverityWhenTwoReportsOfOneFindingDisagree()
    {
        var path = temp.Write("trivy.json", """
            [
              { "Target": "a", "Vulnerabilities": [ { "VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "LOW" } ] },
              { "Target": "b", "Vulnerabilities": [ { "VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "CRITICAL" } ] }
            ]
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 1, 0, 0, 0, 0);
    }

    [Fact]
    public void PutsUnknownMissingAndUnrecognisedSeveritiesInTheUnknownBucket()
    {
        var path = temp.Write("trivy.json", """
            {
              "SchemaVersion": 2,
              "Results": [ { "Target": "t", "Vulnerabilities": [
                { "VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "UNKNOWN" },
                { "VulnerabilityID": "CVE-2", "PkgName": "p", "InstalledVersion": "1" },
                { "VulnerabilityID": "CVE-3", "PkgName": "p", "InstalledVersion": "1", "Severity": "SEVERE" },
                { "VulnerabilityID": "CVE-4", "PkgName": "p", "InstalledVersion": "1", "Severity": "medium" }
              ] } ]
            }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 1, 0, 3);
    }

    [Fact]
    public void TakesNullListsAsEmpty()
    {
        var path = temp.Write("trivy.json", """{ "SchemaVersion": 2, "ArtifactName": "x", "Results": [ { "Target": "t", "Vulnerabilities": null } ] }""");

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 0, 0, 0);
    }

    [Fact]
    public void ReadsTheKubernetesResourcesLayout()
    {
        var path = temp.Write("trivy.json", """
            {
              "ClusterName": "kind",
              "Resources": [
                { "Namespace": "default", "Kind": "Deployment", "Name": "web", "Results": [
                  { "Target": "Deployment/web", "Misconfigurations": [ { "ID": "KSV001", "Status": "FAIL", "Severity": "MEDIUM", "Message": "m" } ] }
                ] },
                { "Namespace": "default", "Kind": "Deployment", "Name": "api", "Results": [
                  { "Target": "Deployment/web", "Misconfigurations": [ { "ID": "KSV001", "Status": "FAIL", "Severity": "MEDIUM", "Message": "m" } ] }
                ] }
              ]
            }
            """);

        // Same check, target and message, but two workloads: two findings.
        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 2, 0, 0);
    }

    [Fact]
    public void RejectsASeverityWrittenAsANumberNamingTheLineAndField()
    {
        var path = temp.Write("trivy.json", """
            {
              "SchemaVersion": 2,
              "Results": [
                {
                  "Target": "t",
                  "Vulnerabilities": [
                    { "VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "LOW" },
                    {
                      "VulnerabilityID": "CVE-2",
                      "PkgName": "p",
                      "Severity": 4
                    }
                  ]
                }
              ]
            }
            """);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(11, error.Line);
        Assert.Contains("$.Results[0].Vulnerabilities[1].Severity must be a string, but is the number 4", error.Message);
    }

    [Fact]
    public void RejectsAVulnerabilityWithoutItsIdAtTheVulnerabilitysLine()
    {
        var path = temp.Write("trivy.json", "[\n  {\n    \"Target\": \"t\",\n    \"Vulnerabilities\": [\n      { \"PkgName\": \"p\", \"Severity\": \"LOW\" }\n    ]\n  }\n]");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.MissingJsonField, error.Code);
        Assert.Equal(5, error.Line);
        Assert.Contains("$[0].Vulnerabilities[0] has no required field 'VulnerabilityID'", error.Message);
    }

    [Fact]
    public void RejectsAnUnknownSchemaVersion()
    {
        var path = temp.Write("trivy.json", """{ "SchemaVersion": 3, "Results": [] }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("SchemaVersion 3", error.Message);
    }
}
