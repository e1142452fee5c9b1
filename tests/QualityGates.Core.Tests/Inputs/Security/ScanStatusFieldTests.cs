using QualityGates.Errors;
using QualityGates.Inputs.Security;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>
/// The fields each scan format uses to say a result is not a live finding, or that the scan itself did not
/// complete (QG1013: never "0 findings, PASS" on a failed scan).
/// </summary>
public sealed class ScanStatusFieldTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TheBaselineComparedCaseCountsOnlyTheNewResult()
    {
        var summary = SecurityScanReader.Read(Fixtures.Case("s01-sarif-baselinestate-absent", "baseline-compared.sarif"));

        SecurityCounts.Equal(summary, 0, 1, 0, 0, 0);
    }

    [Theory]
    [InlineData("new", 1)]
    [InlineData("unchanged", 1)]
    [InlineData("updated", 1)]
    [InlineData("absent", 0)]
    public void CountsEveryBaselineStateButAbsent(string state, int high)
    {
        var path = Run($$"""
            "results": [ { "ruleId": "R", "level": "error", "baselineState": "{{state}}", "message": { "text": "m" } } ]
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, high, 0, 0, 0);
    }

    [Theory]
    [InlineData("informational")]
    [InlineData("review")]
    [InlineData("open")]
    public void SkipsResultKindsThatAreNotFailures(string kind)
    {
        var path = Run($$"""
            "results": [ { "ruleId": "R", "level": "error", "kind": "{{kind}}", "message": { "text": "m" } } ]
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 0, 0, 0);
    }

    [Theory]
    [InlineData("""
        "invocations": [ { "executionSuccessful": false, "exitCode": 2 } ], "results": []
        """, "executionSuccessful is false (exit code 2)")]
    [InlineData("""
        "invocations": [ { "executionSuccessful": true, "toolExecutionNotifications": [ { "level": "error", "message": { "text": "parser crashed on a.cs" } } ] } ], "results": []
        """, "parser crashed on a.cs")]
    [InlineData("""
        "results": null
        """, "\"results\": null")]
    public void RefusesASarifRunThatSaysItsToolFailedWithQG1013(string runFields, string said)
    {
        var path = Run(runFields);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.ScanReportedError, error.Code);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void ReadsASarifRunWithWarningNotificationsAndAnEmptyResultArray()
    {
        var path = Run("""
            "invocations": [ { "executionSuccessful": true, "toolExecutionNotifications": [ { "level": "warning", "message": { "text": "slow" } } ] } ], "results": []
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 0, 0, 0);
    }

    [Fact]
    public void RefusesATrivyClusterReportWithAResourceItCouldNotScan()
    {
        var path = temp.Write("k8s.json", """
            { "ClusterName": "prod", "Resources": [
              { "Namespace": "app", "Kind": "Deployment", "Name": "web", "Error": "unable to pull image: unauthorized", "Results": [] } ] }
            """);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.ScanReportedError, error.Code);
        Assert.Contains("trivy could not scan app/Deployment/web: unable to pull image: unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsTrivyVulnerabilitiesOfEveryStatusButNotAffected()
    {
        var path = temp.Write("trivy.json", """
            { "SchemaVersion": 2, "ArtifactName": "app", "Results": [ { "Target": "app", "Vulnerabilities": [
              { "VulnerabilityID": "CVE-1", "PkgName": "a", "InstalledVersion": "1", "Severity": "HIGH", "Status": "fixed" },
              { "VulnerabilityID": "CVE-2", "PkgName": "a", "InstalledVersion": "1", "Severity": "HIGH", "Status": "will_not_fix" },
              { "VulnerabilityID": "CVE-3", "PkgName": "a", "InstalledVersion": "1", "Severity": "HIGH", "Status": "not_affected" } ] } ] }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 2, 0, 0, 0);
    }

    private string Run(string runFields) => temp.Write(Guid.NewGuid().ToString("N") + ".sarif",
        "{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"t\", \"rules\": [ { \"id\": \"R\" } ] } },\n"
        + runFields + "\n } ] }");
}
