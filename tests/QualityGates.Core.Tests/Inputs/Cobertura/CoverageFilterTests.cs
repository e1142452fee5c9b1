using QualityGates.Files;
using QualityGates.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Inputs.Cobertura;

public class CoverageFilterTests
{
    private static readonly string MicrosoftCoverage = Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml");
    private static readonly string CoverletCoverage = Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml");

    [Fact]
    public void LeavingOutTheTestAssemblyBringsMicrosoftsFigureCloseToCoverlets()
    {
        var unfiltered = new CoberturaReader().ReadAll([MicrosoftCoverage]);
        var filtered = new CoberturaReader().ReadAll([MicrosoftCoverage], new CoverageFilter { ExcludeAssemblies = ["GuardClauses.UnitTests"] });
        var coverlet = new CoberturaReader().ReadAll([CoverletCoverage]);

        Assert.Equal((3023, 3373), (unfiltered.LinesCovered, unfiltered.LinesValid));
        Assert.Equal((296, 592), (filtered.LinesCovered, filtered.LinesValid));
        Assert.Equal((295, 591), (coverlet.LinesCovered, coverlet.LinesValid));
        Assert.Equal(["Ardalis.GuardClauses"], filtered.Packages.Select(p => p.Name));
        var excluded = Assert.Single(filtered.Excluded!.Assemblies);
        Assert.Equal(("GuardClauses.UnitTests", 2781L), (excluded.Name, excluded.LinesValid));
        Assert.Equal(["exclude assemblies GuardClauses.UnitTests"], filtered.Excluded.Rules);
        Assert.Null(unfiltered.Excluded);
    }

    [Fact]
    public void AFileGlobMatchesAtAnyDepthAndAnIncludeKeepsOnlyWhatItNames()
    {
        var withoutThirdParty = new CoberturaReader().ReadAll([CoverletCoverage], new CoverageFilter { ExcludeFiles = ["ThirdParty/*.cs"] });
        var onlyThirdParty = new CoberturaReader().ReadAll([CoverletCoverage], new CoverageFilter { IncludeFiles = ["**/ThirdParty/**"] });

        Assert.Equal(1, withoutThirdParty.Excluded!.Files);
        Assert.Equal(591, withoutThirdParty.LinesValid + withoutThirdParty.Excluded.FileLinesValid);
        Assert.Equal(withoutThirdParty.Excluded.FileLinesValid, onlyThirdParty.LinesValid);
        Assert.All(onlyThirdParty.SourceFiles, f => Assert.Contains("/ThirdParty/", f));
    }

    [Fact]
    public void UncoveredFilesComeWorstFirstWithTheirLineRanges()
    {
        var coverage = new CoberturaReader().ReadAll([CoverletCoverage]);

        Assert.NotEmpty(coverage.UncoveredFiles);
        Assert.True(coverage.UncoveredFiles.Count <= Metrics.UncoveredFile.MaxFiles);
        Assert.Equal(coverage.UncoveredFiles.OrderByDescending(f => f.LinesUncovered).Select(f => f.LinesUncovered), coverage.UncoveredFiles.Select(f => f.LinesUncovered));
        Assert.Equal(coverage.LinesValid - coverage.LinesCovered, coverage.UncoveredFiles.Sum(f => f.LinesUncovered));
        Assert.Matches(@"^\d+(-\d+)?(, \d+(-\d+)?)*( … and \d+ more lines)?$", coverage.UncoveredFiles[0].UncoveredLines);
    }

    [Fact]
    public void UncoveredLinesAreGroupedIntoRanges()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c.xml", """
            <?xml version="1.0"?>
            <coverage line-rate="0.5" branch-rate="0" version="1" timestamp="1"><packages><package name="P"><classes>
            <class name="C" filename="/src/C.cs"><lines>
            <line number="1" hits="1"/><line number="2" hits="0"/><line number="3" hits="0"/><line number="4" hits="0"/>
            <line number="6" hits="1"/><line number="9" hits="0"/>
            </lines></class></classes></package></packages></coverage>
            """);

        var uncovered = Assert.Single(new CoberturaReader().Read(file).UncoveredFiles);

        Assert.Equal(("/src/C.cs", "2-4, 9", 4L), (uncovered.Path, uncovered.UncoveredLines, uncovered.LinesUncovered));
    }

    [Theory]
    [InlineData("/repo/src/Lib/Calc.cs", "/repo", "src/Lib/Calc.cs")]
    [InlineData("/home/runner/work/x/src/Lib/Calc.cs", "/repo", ".../Lib/Calc.cs")]
    [InlineData("/home/runner/work/x/src/Lib/Calc.cs", null, ".../Lib/Calc.cs")]
    [InlineData("/repo/tests/.quality-gates/", "/repo", "tests/.quality-gates/")]
    [InlineData("src/Calc.cs", "/repo", "src/Calc.cs")]
    public void PathsAreShownRelativeToTheRepositoryRootOrWithoutTheMachinePart(string path, string? root, string shown)
    {
        Assert.Equal(shown, RepositoryRoot.Display(path, root));
    }
}
