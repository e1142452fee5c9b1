using QualityGates.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>Several <c>&lt;source&gt;</c> roots, and one source file reported under different roots.</summary>
public sealed class CoberturaSourceRoots : IDisposable
{
    private const string Guard = "shared.guard/1.2.0/contentFiles/cs/any/Guard.cs";
    private readonly CoberturaReader _reader = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheTwoSourceCaseAloneReadsSixOfEightLinesInTwoFiles()
    {
        var summary = _reader.Read(Fixtures.Case("c01-cobertura-two-sources", "app-tests.cobertura.xml"));

        Assert.Equal((6, 8), (summary.LinesCovered, summary.LinesValid));
        Assert.Equal(2, summary.SourceFiles.Count);
        Assert.Contains("D:/a/repo/src/App/Cart.cs", summary.SourceFiles);
    }

    [Fact]
    public void TheTwoSourceCaseMergedWithAbsolutePathsIsEightOfEightInTwoFiles()
    {
        var summary = _reader.ReadAll(new[]
        {
            Fixtures.Case("c01-cobertura-two-sources", "app-tests.cobertura.xml"),
            Fixtures.Case("c01-cobertura-two-sources", "app-mscc.cobertura.xml"),
        });

        Assert.Equal((8, 8), (summary.LinesCovered, summary.LinesValid));
        Assert.Equal(2, summary.SourceFiles.Count);
        Assert.Single(summary.SourceFiles, path => path.EndsWith(Guard, StringComparison.Ordinal));
    }

    [Fact]
    public void ARelativeNameJoinsTheRootWhereTheFileExists()
    {
        var first = Directory.CreateDirectory(Path.Combine(_temp.Path, "src")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_temp.Path, "packages")).FullName;
        Directory.CreateDirectory(Path.Combine(second, "lib"));
        File.WriteAllText(Path.Combine(second, "lib", "Util.cs"), "// code");
        var path = _temp.Write("roots.xml", Report([first + "/", second + "/"], "P", "lib/Util.cs", hits: 1));

        var summary = _reader.Read(path);

        Assert.Equal([SourcePath.Normalize(Path.Combine(second, "lib", "Util.cs"))], summary.SourceFiles);
    }

    [Fact]
    public void AWindowsAndALinuxAgentsReportOfOneFileMergeByTheirCommonTail()
    {
        var windows = _temp.Write("win.xml", Report([@"D:\a\repo\src\"], "App", @"App\Cart.cs", hits: 1, line: 10));
        var linux = _temp.Write("linux.xml", Report(["/home/runner/work/repo/src/"], "App", "App/Cart.cs", hits: 0, line: 10, extraLine: 11));

        var summary = _reader.ReadAll(new[] { windows, linux });

        Assert.Equal(["D:/a/repo/src/App/Cart.cs"], summary.SourceFiles);
        Assert.Equal((1, 2), (summary.LinesCovered, summary.LinesValid));
    }

    [Fact]
    public void TwoFilesThatShareOnlyTheirNameStayApart()
    {
        var a = _temp.Write("a.xml", Report(["/build/a/"], "App", "One/Program.cs", hits: 1));
        var b = _temp.Write("b.xml", Report(["/build/b/"], "App", "Two/Program.cs", hits: 1));

        var summary = _reader.ReadAll(new[] { a, b });

        Assert.Equal(2, summary.SourceFiles.Count);
        Assert.Equal((2, 2), (summary.LinesCovered, summary.LinesValid));
    }

    [Theory]
    [InlineData("a/b/c/File.cs", "x/b/c/File.cs", 3)]
    [InlineData("/r/File.cs", "File.cs", 1)]
    [InlineData("a/File.cs", "a/Other.cs", 0)]
    public void CountsWholeTrailingSegments(string left, string right, int expected) =>
        Assert.Equal(expected, SourceFileIdentity.CommonTrailingSegments(left, right));

    private static string Report(string[] sources, string package, string filename, int hits, int line = 1, int? extraLine = null)
    {
        var sourceXml = string.Concat(sources.Select(s => $"<source>{s}</source>"));
        var extra = extraLine is int e ? $"""<line number="{e}" hits="0" />""" : string.Empty;
        return $"""
            <?xml version="1.0"?>
            <coverage><sources>{sourceXml}</sources><packages><package name="{package}"><classes>
              <class name="C" filename="{filename}"><lines><line number="{line}" hits="{hits}" />{extra}</lines></class>
            </classes></package></packages></coverage>
            """;
    }
}
