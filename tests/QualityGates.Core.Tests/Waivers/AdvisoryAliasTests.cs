using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Waivers;

/// <summary>Cross-scanner aliases: the same advisory as a CVE from one scanner and a GHSA from another counts once.</summary>
public sealed class AdvisoryAliasTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Trivy names the CVE and links its GHSA page among References.
    private string TrivyCve() => _dir.Write("trivy.json", """
        { "SchemaVersion": 2, "ArtifactName": "app", "Results": [ { "Target": "app.deps.json", "Vulnerabilities": [
          { "VulnerabilityID": "CVE-2024-21907", "PkgName": "Newtonsoft.Json", "InstalledVersion": "12.0.3", "Severity": "HIGH",
            "References": ["https://github.com/advisories/GHSA-5crp-9r3c-p9vr", "https://alephsecurity.com/vulns/aleph-2018004"] } ] } ] }
        """);

    // dotnet list package --vulnerable names only the GHSA, in its advisory URL.
    private string DotnetGhsa() => _dir.Write("dotnet.json", """
        { "version": 1, "parameters": "--vulnerable", "projects": [ { "path": "app.csproj", "frameworks": [ { "framework": "net8.0",
          "topLevelPackages": [ { "id": "Newtonsoft.Json", "requestedVersion": "12.0.3", "resolvedVersion": "12.0.3",
            "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] } ] } ] } ] }
        """);

    // grype names the GHSA and its CVE in relatedVulnerabilities.
    private string GrypeGhsa() => _dir.Write("grype.json", """
        { "descriptor": { "name": "grype" }, "matches": [
          { "vulnerability": { "id": "GHSA-5crp-9r3c-p9vr", "severity": "High" },
            "relatedVulnerabilities": [ { "id": "CVE-2024-21907" } ],
            "artifact": { "name": "Newtonsoft.Json", "version": "12.0.3" } } ] }
        """);

    [Fact]
    public void ACveFromTrivyAndTheSameGhsaFromDotnetListCountOnce()
    {
        var summary = SecurityScanReader.ReadAll([TrivyCve(), DotnetGhsa()]);

        Assert.Equal(1, summary.High);
        var finding = Assert.Single(summary.Findings);
        Assert.Equal(("CVE-2024-21907", "Newtonsoft.Json", "12.0.3"), (finding.Advisory, finding.Package, finding.Version));
        Assert.Equal(["GHSA-5CRP-9R3C-P9VR"], finding.Aliases);
    }

    [Fact]
    public void AGhsaFromDotnetListThenItsCveFromGrypeAndTrivyCountOnce()
    {
        var summary = SecurityScanReader.ReadAll([DotnetGhsa(), TrivyCve(), GrypeGhsa()]);

        Assert.Equal(1, summary.High);
        Assert.True(Assert.Single(summary.Findings).IsKnownAs("cve-2024-21907"));
    }

    [Fact]
    public void DifferentVersionsStayApart()
    {
        var other = _dir.Write("grype-other.json", File.ReadAllText(GrypeGhsa()).Replace("12.0.3", "13.0.1", StringComparison.Ordinal));

        Assert.Equal(2, SecurityScanReader.ReadAll([TrivyCve(), other]).High);
    }

    [Fact]
    public void AVendorAdvisoryIsNoAlias()
    {
        // DSA-4613-1 fixes several CVEs of libidn2: merging on it would count distinct advisories once.
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden"));

        var finding = summary.Findings.Single(f => f.Package == "libidn2-0");
        Assert.Equal("CVE-2019-18224", finding.Advisory);
        Assert.DoesNotContain("DSA-4613-1", finding.Aliases);
    }

    [Fact]
    public void GrypesRelatedVulnerabilitiesAreAliasesInARealScan()
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "grype", "defectdojo-grype-check_all_fields.json"));

        Assert.Contains(summary.Findings, f => f.Advisory == "GHSA-v6rh-hp5x-86rv" && f.IsKnownAs("CVE-2021-44420"));
    }

    [Fact]
    public void ASarifResultIsKnownByTheCveInItsRuleId()
    {
        // grype's SARIF rule ids are "<CVE>-<package>": a CVE waiver must still find them.
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "sarif", "grype-TestSarifPresenter_image.sarif"));

        Assert.Contains(summary.Findings, f => f.Advisory == "CVE-1999-0001-package-1" && f.IsKnownAs("CVE-1999-0001") && f.Package is null);
    }
}
