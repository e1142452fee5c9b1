using QualityGates.Inputs.Cobertura;
using QualityGates.Metrics;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>Per-package figures, and that they always add up to the total.</summary>
public sealed class CoberturaPackages
{
    private readonly CoberturaReader _reader = new();

    [Fact]
    public void MicrosoftCodeCoverageReportsTheProductAndTheTestAssemblySeparately()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml"));

        Assert.Equal(
            new[]
            {
                new PackageCoverage("Ardalis.GuardClauses", 296, 592, 228, 240),
                new PackageCoverage("GuardClauses.UnitTests", 2727, 2781, 489, 502),
            },
            summary.Packages);
        // The producer's own package rates: 0.5 and 0.9805825242718447.
        Assert.Equal(0.5, summary.Packages[0].LineRate);
        Assert.Equal(0.9805825242718447, summary.Packages[1].LineRate);
    }

    [Fact]
    public void WindowsCoverletFileHasTwoPackages()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.cobertura.xml"));

        Assert.Equal(
            new[]
            {
                new PackageCoverage("Taranis.EDlib", 1209, 1449, 262, 378),
                new PackageCoverage("Taranis.EDlib.Mock", 3, 11, 0, 0),
            },
            summary.Packages);
    }

    [Fact]
    public void EmptyPackageNameIsKept()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.gcovr.xml"));

        Assert.Equal(new[] { new PackageCoverage(string.Empty, 345, 572, 100, 252) }, summary.Packages);
    }

    [Fact]
    public void PackagesOfAllFixturesMergedAddUpToTheTotal()
    {
        var summary = _reader.ReadAll(Directory.GetFiles(Fixtures.Path("cobertura"), "*.xml", SearchOption.AllDirectories));

        Assert.Equal(7551, summary.LinesCovered);
        Assert.Equal(9404, summary.LinesValid);
        Assert.Equal(1726, summary.BranchesCovered);
        Assert.Equal(2403, summary.BranchesValid);
        Assert.Equal(summary.LinesCovered, summary.Packages.Sum(p => p.LinesCovered));
        Assert.Equal(summary.LinesValid, summary.Packages.Sum(p => p.LinesValid));
        Assert.Equal(summary.BranchesCovered, summary.Packages.Sum(p => p.BranchesCovered));
        Assert.Equal(summary.BranchesValid, summary.Packages.Sum(p => p.BranchesValid));
        // MATLAB and gcovr both name their package "": one row, merged.
        Assert.Equal(new PackageCoverage(string.Empty, 448, 850, 100, 252), summary.Packages.Single(p => p.Name.Length == 0));
        Assert.Equal(7, summary.Packages.Count);
    }
}
