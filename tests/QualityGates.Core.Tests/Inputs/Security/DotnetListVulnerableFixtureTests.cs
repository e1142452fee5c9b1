using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>The <c>dotnet list package --vulnerable --format json</c> fixtures.</summary>
public sealed class DotnetListVulnerableFixtureTests
{
    [Theory]
    // top-level High x2 + transitive High x2, four different packages
    [InlineData("defectdojo-dotnet_vulnerable_many_vuln.json", 0, 4, 0, 0, 0)]
    [InlineData("defectdojo-dotnet_vulnerable_one_vuln.json", 0, 1, 0, 0, 0)]
    // the project has no frameworks key
    [InlineData("defectdojo-dotnet_vulnerable_no_vuln.json", 0, 0, 0, 0, 0)]
    public void CountsTopLevelAndTransitiveVulnerabilities(string file, int critical, int high, int medium, int low, int unknown)
    {
        var summary = SecurityScanReader.Read(Fixtures.Path("security", "dotnet-list-vulnerable", file));

        SecurityCounts.Equal(summary, critical, high, medium, low, unknown);
        Assert.Equal(["dotnet-list-package"], summary.Formats);
        Assert.Null(summary.ScanTimestamp);
    }
}
