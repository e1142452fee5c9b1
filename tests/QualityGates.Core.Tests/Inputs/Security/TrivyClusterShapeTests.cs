using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>
/// Every trivy JSON layout that can hold findings is read or refused: the k8s summary report's Findings[],
/// its all report's Resources[] (older: Vulnerabilities[]/Misconfigurations[]), and compliance reports.
/// </summary>
public sealed class TrivyClusterShapeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsTheSummaryReportsFindings()
    {
        var summary = SecurityScanReader.Read(Fixtures.Case("s09-trivy-k8s-summary-findings", "cluster-summary.json"));

        SecurityCounts.Equal(summary, 1, 1, 1, 0, 0);
        Assert.Equal(["CVE-2024-6387", "CVE-2024-2961", "KSV012"], summary.Listed.Select(f => f.Advisory));
    }

    [Theory]
    [InlineData("Findings")]
    [InlineData("Resources")]
    [InlineData("Vulnerabilities")]
    public void EveryClusterListCountsItsResourcesFindings(string list)
    {
        var path = temp.Write("k8s.json", $$"""
            { "ClusterName": "c", "{{list}}": [ { "Namespace": "n", "Kind": "Deployment", "Name": "d", "Results": [
              { "Target": "img", "Vulnerabilities": [ { "VulnerabilityID": "CVE-2024-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "CRITICAL" } ] } ] } ] }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 1, 0, 0, 0, 0);
    }

    [Fact]
    public void AResourceErrorUnderFindingsIsAFailedScan()
    {
        var path = temp.Write("k8s.json", """
            { "ClusterName": "c", "Findings": [
              { "Namespace": "n", "Kind": "Deployment", "Name": "ok", "Results": [] },
              { "Namespace": "n", "Kind": "Deployment", "Name": "web", "Error": "unable to pull image: manifest unknown" } ] }
            """);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.ScanReportedError, error.Code);
        Assert.Contains("trivy could not scan n/Deployment/web: unable to pull image", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void AClusterListThisReaderDoesNotKnowIsRefused()
    {
        var path = temp.Write("k8s.json", """
            { "ClusterName": "c", "Workloads": [ { "Kind": "Deployment", "Name": "d", "Results": [] } ] }
            """);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("'Workloads'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "ID": "k8s-cis-1.23", "Title": "CIS Kubernetes Benchmarks v1.23", "SummaryControls": [ { "ID": "1.1.1", "Name": "x", "Severity": "HIGH", "TotalFail": 3 } ] }""")]
    [InlineData("""{ "ID": "k8s-nsa", "Title": "NSA", "Description": "", "Version": "1.0", "RelatedResources": [], "Results": [ { "ID": "1.0", "Name": "Non-root containers", "Severity": "MEDIUM", "Results": [ { "Target": "", "Misconfigurations": [ { "AVDID": "AVD-KSV012", "Status": "FAIL" } ] } ] } ] }""")]
    public void AComplianceReportIsRefusedWithWhatToGiveInstead(string json)
    {
        var path = temp.Write("compliance.json", json);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("trivy compliance report", error.Message, StringComparison.Ordinal);
        Assert.Contains("without --compliance", error.Message, StringComparison.Ordinal);
    }
}
