using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>How several Cobertura files, and several classes of one file, merge per source file and line.</summary>
public sealed class CoberturaMerging : IDisposable
{
    private readonly CoberturaReader _reader = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CoverletMsbuildAndCollectorOfTheSameCodeCountOnce()
    {
        var summary = _reader.ReadAll(new[]
        {
            Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml"),
            Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml"),
        });

        Assert.Equal(295, summary.LinesCovered);
        Assert.Equal(591, summary.LinesValid);
        Assert.Equal(215, summary.BranchesCovered);
        Assert.Equal(246, summary.BranchesValid);
        Assert.Equal(13, summary.SourceFiles.Count);
    }

    [Fact]
    public void TheSameMicrosoftCodeCoverageFileTwiceCountsOnce()
    {
        var path = Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml");

        var summary = _reader.ReadAll(new[] { path, path });

        Assert.Equal(3023, summary.LinesCovered);
        Assert.Equal(3373, summary.LinesValid);
        Assert.Equal(717, summary.BranchesCovered);
        Assert.Equal(742, summary.BranchesValid);
    }

    [Fact]
    public void CoverletAndMicrosoftCodeCoverageOfTheSameProductMatchFileByFile()
    {
        // coverlet: <source> + relative names; Microsoft: absolute names, no <source>.
        var summary = _reader.ReadAll(new[]
        {
            Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml"),
            Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml"),
        });

        Assert.Equal(53, summary.SourceFiles.Count);
        Assert.Contains("/home/runner/work/GuardClauses/src/GuardClauses/ThirdParty/JetBrains.Annotations.cs", summary.SourceFiles);
        var product = summary.Packages.Single(p => p.Name == "Ardalis.GuardClauses");
        Assert.Equal(296, product.LinesCovered);
        Assert.Equal(592, product.LinesValid);
        Assert.Equal(230, product.BranchesCovered);
        Assert.Equal(246, product.BranchesValid);
    }

    [Fact]
    public void LineCoveredInAnyFileIsCovered()
    {
        var first = _temp.Write("a.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"10\" hits=\"0\"", "number=\"11\" hits=\"2\"").ToString());
        var second = _temp.Write("b.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"10\" hits=\"3\"", "number=\"11\" hits=\"0\"").ToString());

        var summary = _reader.ReadAll(new[] { first, second });

        Assert.Equal(2, summary.LinesCovered);
        Assert.Equal(2, summary.LinesValid);
    }

    [Fact]
    public void BranchesOfALineMergeAsTheLargerCoveredAndTheLargerValid()
    {
        var first = _temp.Write("a.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"5\" hits=\"1\" branch=\"True\" condition-coverage=\"75% (3/4)\"").ToString());
        var second = _temp.Write("b.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"5\" hits=\"1\" branch=\"True\" condition-coverage=\"50% (1/2)\"").ToString());

        var summary = _reader.ReadAll(new[] { first, second });

        Assert.Equal(3, summary.BranchesCovered);
        Assert.Equal(4, summary.BranchesValid);
    }

    [Fact]
    public void ClassesOfOneFileAddUpAsTheProducerCountsThem()
    {
        // Microsoft Code Coverage lists a line under the method's class and again under a lambda's
        // closure class: two coverable entries, as its root counts them.
        var path = _temp.Write("a.xml", new CoberturaXml()
            .Class("/src/A.cs", "number=\"1\" hits=\"1\"", "number=\"7\" hits=\"1\" branch=\"True\" condition-coverage=\"100% (2/2)\"")
            .Class("/src/A.cs", "number=\"7\" hits=\"0\"", "number=\"8\" hits=\"0\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal(2, summary.LinesCovered);
        Assert.Equal(4, summary.LinesValid);
        Assert.Equal(2, summary.BranchesCovered);
        Assert.Equal(2, summary.BranchesValid);
        Assert.Single(summary.SourceFiles);
    }

    [Fact]
    public void ALineListedTwiceMergesWithALaterRunThatCoversIt()
    {
        var twice = _temp.Write("a.xml", new CoberturaXml()
            .Class("/src/A.cs", "number=\"7\" hits=\"0\"")
            .Class("/src/A.cs", "number=\"7\" hits=\"0\"")
            .ToString());
        var once = _temp.Write("b.xml", new CoberturaXml().Class("/src/A.cs", "number=\"7\" hits=\"4\"").ToString());

        var summary = _reader.ReadAll(new[] { twice, once });

        Assert.Equal(1, summary.LinesCovered);
        Assert.Equal(2, summary.LinesValid);
    }

    [Fact]
    public void MethodLevelLinesAreIgnored()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("P", "A.cs", methodLines: new[] { "number=\"3\" hits=\"9\"", "number=\"4\" hits=\"9\"" }, "number=\"3\" hits=\"0\"")
            .ToString());

        var summary = _reader.Read(path);

        Assert.Equal(0, summary.LinesCovered);
        Assert.Equal(1, summary.LinesValid);
    }

    [Fact]
    public void WindowsAndPosixSpellingsOfOneFileMatch()
    {
        var windows = _temp.Write("a.xml", new CoberturaXml(@"d:\work\app\src\").Class(@"Foo\Bar.cs", "number=\"1\" hits=\"0\"", "number=\"2\" hits=\"1\"").ToString());
        var absolute = _temp.Write("b.xml", new CoberturaXml().Class("D:/work/app/src/./Foo/Bar.cs", "number=\"1\" hits=\"1\"").ToString());

        var summary = _reader.ReadAll(new[] { windows, absolute });

        Assert.Equal(new[] { "D:/work/app/src/Foo/Bar.cs" }, summary.SourceFiles);
        Assert.Equal(2, summary.LinesCovered);
        Assert.Equal(2, summary.LinesValid);
    }

    [Fact]
    public void RelativeSourceIsKeptRelative()
    {
        var summary = _reader.Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.gcovr.xml"));

        Assert.Equal(new[] { "src/redis_ipc.c" }, summary.SourceFiles);
    }

    [Fact]
    public void NoFilesGiveNoRates()
    {
        var summary = _reader.ReadAll(Array.Empty<string>());

        Assert.Null(summary.LineRate);
        Assert.Null(summary.BranchRate);
        Assert.Empty(summary.Packages);
    }
}
