using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Inputs;

namespace QualityGates.Tests.Files;

/// <summary>A glob counts each file once by identity, survives link loops, and is bounded.</summary>
public sealed class GlobIdentityTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void ALinkBackToTheRootCountsEachFileOnce()
    {
        var trx = _dir.Write("TR/run.trx", "x");
        SpecialFiles.Link(Path.Combine(_dir.Path, "TR", "cache", "again"), ".");

        var files = SpecialFiles.Within(() => FilePatterns.Expand(["TR/**/*.trx"], _dir.Path));

        Assert.Equal([trx], files);
    }

    [Fact]
    public void AFileNamedTwiceThroughALinkedFolderIsCountedOnce()
    {
        var trx = _dir.Write("real/run.trx", "x");
        SpecialFiles.Link(Path.Combine(_dir.Path, "alias"), "real");

        var files = FilePatterns.Expand(["real/*.trx", "alias/*.trx", "alias/run.trx", Path.Combine(_dir.Path, "real", "run.trx")], _dir.Path);

        Assert.Equal([trx], files);
    }

    [Fact]
    public void ALinkToAFolderOutsideIsFollowedOnce()
    {
        using var outside = new TempDirectory();
        var trx = outside.Write("deep/run.trx", "x");
        SpecialFiles.Link(Path.Combine(_dir.Path, "results", "a"), outside.Path);
        SpecialFiles.Link(Path.Combine(_dir.Path, "results", "b"), outside.Path);

        var files = FilePatterns.Expand(["results/**/*.trx"], _dir.Path);

        Assert.Equal([Path.Combine(_dir.Path, "results", "a", "deep", "run.trx")], files);
    }

    [Fact]
    public void AWalkDeeperThanTheBoundIsACodedError()
    {
        var deep = Path.Combine([_dir.Path, .. Enumerable.Repeat("d", FilePatterns.MaxDepth + 1)]);
        Directory.CreateDirectory(deep);

        var error = Assert.Throws<QualityGatesException>(() => FilePatterns.Expand(["**/*.trx"], _dir.Path));

        Assert.Equal(ErrorCodes.PatternWalkTooLarge, error.Code);
    }

    [Fact]
    public void RealPathResolvesEveryLinkAndGivesUpOnALoop()
    {
        var file = _dir.Write("real/run.trx", "x");
        SpecialFiles.Link(Path.Combine(_dir.Path, "alias"), "real");
        SpecialFiles.Link(Path.Combine(_dir.Path, "loop"), "loop");

        Assert.Equal(RealPath.Of(file), RealPath.Of(Path.Combine(_dir.Path, "alias", "..", "alias", "run.trx")));
        Assert.Null(RealPath.Of(Path.Combine(_dir.Path, "loop", "x")));
    }

    public void Dispose() => _dir.Dispose();
}
