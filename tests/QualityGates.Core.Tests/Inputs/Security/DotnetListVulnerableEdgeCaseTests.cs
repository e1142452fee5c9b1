using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Hand-written <c>dotnet list package --vulnerable --format json</c> outputs.</summary>
public sealed class DotnetListVulnerableEdgeCaseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CountsAnAdvisoryOnTheSamePackageVersionOnceAcrossProjectsAndFrameworks()
    {
        var path = temp.Write("vulnerable.json", """
            {
              "version": 1,
              "parameters": "--vulnerable --include-transitive",
              "sources": [ "https://api.nuget.org/v3/index.json" ],
              "projects": [
                {
                  "path": "/src/App/App.csproj",
                  "frameworks": [
                    { "framework": "net8.0",
                      "topLevelPackages": [ { "id": "Newtonsoft.Json", "requestedVersion": "12.0.1", "resolvedVersion": "12.0.1",
                        "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] } ],
                      "transitivePackages": [ { "id": "System.Net.Http", "resolvedVersion": "4.1.0",
                        "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-7jgj-8wvc-jh57" } ] } ] },
                    { "framework": "net10.0",
                      "topLevelPackages": [ { "id": "Newtonsoft.Json", "requestedVersion": "12.0.1", "resolvedVersion": "12.0.1",
                        "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] } ] }
                  ]
                },
                {
                  "path": "/src/Lib/Lib.csproj",
                  "frameworks": [
                    { "framework": "netstandard2.0",
                      "transitivePackages": [
                        { "id": "Newtonsoft.Json", "resolvedVersion": "12.0.1",
                          "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" } ] },
                        { "id": "System.Net.Http", "resolvedVersion": "4.3.0",
                          "vulnerabilities": [ { "severity": "High", "advisoryurl": "https://github.com/advisories/GHSA-7jgj-8wvc-jh57" } ] }
                      ] }
                  ]
                },
                { "path": "/src/Clean/Clean.csproj" }
              ]
            }
            """);

        // Newtonsoft.Json 12.0.1 / GHSA-5crp-9r3c-p9vr: net8.0 + net10.0 of App, transitive in Lib → 1.
        // System.Net.Http / GHSA-7jgj-8wvc-jh57 on 4.1.0 (App) and 4.3.0 (Lib): two versions → 2.
        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 3, 0, 0, 0);
    }

    [Fact]
    public void MapsModerateToMediumAndAnUnratedAdvisoryToUnknown()
    {
        var path = temp.Write("vulnerable.json", """
            {
              "version": 1,
              "parameters": "--vulnerable",
              "projects": [ { "path": "a.csproj", "frameworks": [ { "framework": "net8.0", "topLevelPackages": [
                { "id": "P", "requestedVersion": "1.0.0", "resolvedVersion": "1.0.0", "vulnerabilities": [
                  { "severity": "Critical", "advisoryurl": "https://github.com/advisories/GHSA-0001" },
                  { "severity": "Moderate", "advisoryurl": "https://github.com/advisories/GHSA-0002" },
                  { "severity": "Low", "advisoryurl": "https://github.com/advisories/GHSA-0003" },
                  { "severity": "", "advisoryurl": "https://github.com/advisories/GHSA-0004" }
                ] } ] } ] } ]
            }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 1, 0, 1, 1, 1);
    }

    [Fact]
    public void CountsEveryVulnerabilityWithoutAnAdvisoryUrl()
    {
        var path = temp.Write("vulnerable.json", """
            { "version": 1, "parameters": "--vulnerable", "projects": [ { "path": "a.csproj", "frameworks": [
              { "framework": "net8.0", "topLevelPackages": [ { "id": "P", "resolvedVersion": "1.0.0", "vulnerabilities": [ { "severity": "High" } ] } ] },
              { "framework": "net9.0", "topLevelPackages": [ { "id": "P", "resolvedVersion": "1.0.0", "vulnerabilities": [ { "severity": "High" } ] } ] }
            ] } ] }
            """);

        // Without the advisory there is nothing to tell two findings apart by, so neither is dropped.
        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 2, 0, 0, 0);
    }

    [Fact]
    public void FailsWhenTheCommandReportedAnError()
    {
        var path = temp.Write("vulnerable.json", """
            {
              "version": 1,
              "parameters": "--vulnerable",
              "problems": [
                { "warning": "Auto-referenced package." },
                { "project": "/src/App/App.csproj", "error": "No assets file was found for /src/App/App.csproj. Please run restore before running this command." }
              ],
              "projects": [ { "path": "/src/App/App.csproj" } ]
            }
            """);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.ScanReportedError, error.Code);
        Assert.Equal(6, error.Line);
        Assert.Contains("No assets file was found", error.Message);
    }

    [Fact]
    public void RejectsAReportThatWasNotMadeWithVulnerable()
    {
        var path = temp.Write("outdated.json", """{ "version": 1, "parameters": "--outdated", "projects": [] }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("--outdated", error.Message);
    }
}
