using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>How a source folder and a class filename become one path that two runs agree on.</summary>
public sealed class CoberturaSourcePaths
{
    [Theory]
    [InlineData("/home/runner/work/GuardClauses/src/GuardClauses/", "ThirdParty/JetBrains.Annotations.cs", "/home/runner/work/GuardClauses/src/GuardClauses/ThirdParty/JetBrains.Annotations.cs")]
    [InlineData(@"D:\Dev\Csharp\EDlib\src\", @"EDlib\Exceptions\APIException.cs", "D:/Dev/Csharp/EDlib/src/EDlib/Exceptions/APIException.cs")]
    [InlineData(null, "/abs/File.cs", "/abs/File.cs")]
    [InlineData("/ignored/", "/abs/File.cs", "/abs/File.cs")]
    [InlineData("/ignored/", @"c:\abs\File.cs", "C:/abs/File.cs")]
    [InlineData("src/", "redis_ipc.c", "src/redis_ipc.c")]
    [InlineData("  ", "a/b.cs", "a/b.cs")]
    [InlineData("/Users/pboling/src/my/oauth2", "lib/oauth2.rb", "/Users/pboling/src/my/oauth2/lib/oauth2.rb")]
    [InlineData("/repo/src/", "../tests/./X.cs", "/repo/tests/X.cs")]
    [InlineData(@"\\server\share\", @"dir\X.cs", "//server/share/dir/X.cs")]
    public void CombinesSourceAndFilename(string? source, string filename, string expected)
    {
        Assert.Equal(expected, SourcePath.Combine(source, filename));
    }

    [Fact]
    public void WindowsFixturePathsUseForwardSlashes()
    {
        var summary = new CoberturaReader().Read(Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.cobertura.xml"));

        Assert.Contains("D:/Dev/Csharp/EDlib/src/EDlib/Exceptions/APIException.cs", summary.SourceFiles);
        Assert.DoesNotContain(summary.SourceFiles, path => path.Contains('\\'));
        Assert.Equal(39, summary.SourceFiles.Count);
    }
}
