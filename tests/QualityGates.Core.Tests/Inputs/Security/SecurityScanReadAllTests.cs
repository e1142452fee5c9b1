using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Reading several scan files at once: one summary, each finding counted once across files.</summary>
public sealed class SecurityScanReadAllTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CountsTwoCopiesOfOneScanOnce()
    {
        var original = Fixtures.Path("security", "grype", "defectdojo-grype-issue_9618.json");
        var copy = Path.Combine(temp.Path, "copy.json");
        File.Copy(original, copy);

        var summary = SecurityScanReader.ReadAll([original, copy]);

        SecurityCounts.Equal(summary, 1, 18, 13, 2, 1);
        Assert.Equal([original, copy], summary.SourceFiles);
    }

    [Fact]
    public void CountsTheSameAdvisoryFromTwoScannersOnceWhenPackageAndVersionAgree()
    {
        var dotnet = temp.Write("dotnet.json", """
            { "version": 1, "parameters": "--vulnerable", "projects": [ { "path": "a.csproj", "frameworks": [ { "framework": "net8.0",
              "topLevelPackages": [ { "id": "Newtonsoft.Json", "requestedVersion": "12.0.3", "resolvedVersion": "12.0.3",
                "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] } ] } ] } ] }
            """);
        var trivy = Fixtures.Path("security", "trivy", "trivy-nuget.json.golden");

        var summary = SecurityScanReader.ReadAll([trivy, dotnet]);

        // trivy-nuget reports GHSA-5crp-9r3c-p9vr on Newtonsoft.Json 12.0.3 too.
        SecurityCounts.Equal(summary, 0, 1, 0, 0, 0);
        Assert.Equal(["trivy", "dotnet-list-package"], summary.Formats);
        Assert.Equal(["trivy", "dotnet list package"], summary.ScanTools);
        Assert.Equal("2021-08-25T12:20:30.000000005Z", summary.ScanTimestamp);
    }

    [Fact]
    public void CountsTheSameAdvisoryOnAnotherVersionTwice()
    {
        var summary = SecurityScanReader.ReadAll(
        [
            Fixtures.Path("security", "trivy", "trivy-nuget.json.golden"),
            Fixtures.Path("security", "dotnet-list-vulnerable", "defectdojo-dotnet_vulnerable_many_vuln.json"),
        ]);

        // GHSA-5crp-9r3c-p9vr is on Newtonsoft.Json 12.0.3 in the Trivy file and 12.0.1 in the dotnet one.
        SecurityCounts.Equal(summary, 0, 5, 0, 0, 0);
    }

    [Fact]
    public void ReadsAFileNamedTwiceOnce()
    {
        var path = temp.Write("scan.json", """{ "critical_vulnerabilities": 2 }""");

        var summary = SecurityScanReader.ReadAll([path, path]);

        SecurityCounts.Equal(summary, 2, 0, 0, 0, 0);
        Assert.Equal([path], summary.SourceFiles);
    }

    [Fact]
    public void MixesFormatsInOneSummary()
    {
        var summary = SecurityScanReader.ReadAll(
        [
            Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden"),
            Fixtures.Path("security", "grype", "grype-TestJsonImgsPresenter.json"),
            Fixtures.Path("security", "sarif", "defectdojo-dockle_0_3_15.sarif"),
        ]);

        SecurityCounts.Equal(summary, 2, 1, 0, 5, 0);
        Assert.Equal(["trivy", "grype", "sarif"], summary.Formats);
        Assert.Equal(["trivy", "grype", "Dockle"], summary.ScanTools);
    }

    [Fact]
    public void FailsWholeWhenOneFileIsBad()
    {
        var bad = temp.Write("bad.json", """{ "high_vulnerabilities": -1 }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.ReadAll(
            [Fixtures.Path("security", "trivy", "trivy-nuget.json.golden"), bad]));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(bad, error.File);
    }

    [Fact]
    public void NeedsAtLeastOneFile()
    {
        Assert.Throws<ArgumentException>(() => SecurityScanReader.ReadAll([]));
    }
}
