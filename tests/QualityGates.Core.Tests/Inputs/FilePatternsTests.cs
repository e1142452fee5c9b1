using QualityGates.Errors;
using QualityGates.Inputs;
using QualityGates.Running;

namespace QualityGates.Tests.Inputs;

public class FilePatternsTests
{
    [Fact]
    public void DoubleStarMatchesFilesInAnyFolderIncludingTheRoot()
    {
        using var dir = new TempDirectory();
        var top = dir.Write("a.trx", "x");
        var deep = dir.Write("TestResults/x/y/b.trx", "x");
        dir.Write("TestResults/c.xml", "x");

        var files = FilePatterns.Expand(["**/*.trx"], dir.Path);

        Assert.Equal(new[] { deep, top }.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void SingleStarStaysInItsFolder()
    {
        using var dir = new TempDirectory();
        var direct = dir.Write("r/one.trx", "x");
        dir.Write("r/sub/two.trx", "x");

        Assert.Equal([direct], FilePatterns.Expand(["r/*.trx"], dir.Path));
    }

    [Fact]
    public void APlainPathIsKeptEvenWhenMissingSoTheReaderNamesIt()
    {
        using var dir = new TempDirectory();

        var files = FilePatterns.Expand(["missing.trx"], dir.Path);

        Assert.Equal([Path.Combine(dir.Path, "missing.trx")], files);
    }

    [Fact]
    public void AGlobThatMatchesNothingIsAnError()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<QualityGatesException>(() => FilePatterns.Expand(["out/**/*.trx"], dir.Path));

        Assert.Equal(ErrorCodes.PatternMatchedNoFile, error.Code);
        Assert.Contains("out/**/*.trx", error.Message);
    }

    [Fact]
    public void TheSameFileNamedTwiceIsReadOnce()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("a.trx", "x");

        Assert.Equal([file], FilePatterns.Expand(["a.trx", "*.trx", file], dir.Path));
    }
}
