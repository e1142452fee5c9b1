using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>
/// Every real Cobertura fixture, read from its per-line data, against the root attributes its producer
/// wrote (MANIFEST.md section 4).
/// </summary>
public sealed class CoberturaFixtureFigures
{
    private readonly CoberturaReader _reader = new();

    [Theory]
    [InlineData("coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml", 295, 591, 215, 246)]
    [InlineData("coverlet-msbuild", "guardclauses.coverage.cobertura.xml", 295, 591, 215, 246)]
    [InlineData("ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml", 3023, 3373, 717, 742)]
    [InlineData("third-party", "irongut-CodeCoverageSummary-coverage.cobertura.xml", 1212, 1460, 262, 378)]
    [InlineData("third-party", "irongut-CodeCoverageSummary-coverage.gcovr.xml", 345, 572, 100, 252)]
    public void MatchesTheRootAttributesOfTheProducer(string folder, string file, long linesCovered, long linesValid, long branchesCovered, long branchesValid)
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", folder, file));

        Assert.Equal(linesCovered, summary.LinesCovered);
        Assert.Equal(linesValid, summary.LinesValid);
        Assert.Equal(branchesCovered, summary.BranchesCovered);
        Assert.Equal(branchesValid, summary.BranchesValid);
    }

    [Fact]
    public void LineRateOfCoverletGuardClausesIsExactNotTheRoundedRootRate()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml"));

        // The root says 0.4991 (rounded); 295/591 is 0.49915...
        Assert.Equal(295.0 / 591.0, summary.LineRate);
        Assert.Equal(215.0 / 246.0, summary.BranchRate);
    }

    [Fact]
    public void StatelessLinesMatchTheRootAndBranchesAreThoseOnListedLines()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml"));

        Assert.Equal(2518, summary.LinesCovered);
        Assert.Equal(3359, summary.LinesValid);
        // The root says 647/1027. coverlet skips methods without lines when it writes the per-line data
        // but still counts their branches in the root: 2 covered branches appear on no listed line.
        Assert.Equal(645, summary.BranchesCovered);
        Assert.Equal(1025, summary.BranchesValid);
    }

    [Fact]
    public void SimplecovWithoutBranchDataHasNoBranchRate()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.simplecov.xml"));

        Assert.Equal(350, summary.LinesCovered);
        Assert.Equal(362, summary.LinesValid);
        Assert.Equal(0, summary.BranchesCovered);
        Assert.Equal(0, summary.BranchesValid);
        Assert.Null(summary.BranchRate);
    }

    [Fact]
    public void MatlabNaNRootAttributesAreIgnored()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.MATLAB.xml"));

        Assert.Equal(103, summary.LinesCovered);
        Assert.Equal(278, summary.LinesValid);
        Assert.Null(summary.BranchRate);
        Assert.Equal(103.0 / 278.0, summary.LineRate);
    }

    [Theory]
    [InlineData("irongut-CodeCoverageSummary-coverage.gcovr.xml")]
    [InlineData("irongut-CodeCoverageSummary-coverage.simplecov.xml")]
    public void ReadsAFileWithAnExternalDtdWithoutFetchingIt(string file)
    {
        // The DTD's host is unreachable here; a fetch would throw or hang rather than return figures.
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", file));

        Assert.True(summary.LinesValid > 0);
    }

    [Fact]
    public void CountsSourceFilesOfEachFixture()
    {
        Assert.Equal(13, _reader.Read(Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml")).SourceFiles.Count);
        Assert.Equal(57, _reader.Read(Fixtures.Path("cobertura", "coverlet-collector", "stateless-net8.0.coverage.cobertura.xml")).SourceFiles.Count);
        Assert.Equal(53, _reader.Read(Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml")).SourceFiles.Count);
        Assert.Single(_reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.gcovr.xml")).SourceFiles);
    }
}
