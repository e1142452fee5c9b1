using QualityGates.Inputs.Cobertura;
using QualityGates.Metrics;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>Layouts the reader must tolerate beyond the fixtures: element order, sources, odd line numbers.</summary>
public sealed class CoberturaStructure : IDisposable
{
    private readonly CoberturaReader _reader = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ClassLinesBeforeMethodsCountAndMethodLinesAfterThemDoNot()
    {
        var path = _temp.Write("a.xml", """
            <coverage>
              <packages><package name="P"><classes>
                <class name="C" filename="/src/A.cs">
                  <lines><line number="1" hits="1" /><line number="2" hits="0" /></lines>
                  <methods><method name="M"><lines><line number="9" hits="5" /></lines></method></methods>
                </class>
              </classes></package></packages>
            </coverage>
            """);

        var summary = _reader.Read(path);

        Assert.Equal(1, summary.LinesCovered);
        Assert.Equal(2, summary.LinesValid);
    }

    [Fact]
    public void OnlyTheFirstSourceIsUsed()
    {
        var path = _temp.Write("a.xml", """
            <coverage>
              <sources><source>  </source><source>/first/</source><source>/second/</source></sources>
              <packages><package name="P"><classes>
                <class name="C" filename="A.cs"><lines><line number="1" hits="1" /></lines></class>
              </classes></package></packages>
            </coverage>
            """);

        Assert.Equal(new[] { "/first/A.cs" }, _reader.Read(path).SourceFiles);
    }

    [Fact]
    public void HugeLineNumberIsCountedWithoutHugeMemory()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/")
            .Class("A.cs", "number=\"2000000000\" hits=\"1\"", "number=\"2000000000\" hits=\"0\"", "number=\"3\" hits=\"0\"")
            .ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();

        var summary = _reader.Read(path);

        // The huge line's two entries in one class are one line, covered by its first entry.
        Assert.Equal(1, summary.LinesCovered);
        Assert.Equal(2, summary.LinesValid);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 * 1024 * 1024);
    }

    [Fact]
    public void PackageWithoutClassesIsListedWithZeros()
    {
        var path = _temp.Write("a.xml", """
            <coverage><packages>
              <package name="Empty" />
              <package name="P"><classes><class name="C" filename="/A.cs"><lines><line number="1" hits="1" /></lines></class></classes></package>
            </packages></coverage>
            """);

        var summary = _reader.Read(path);

        Assert.Equal(new[] { new PackageCoverage("Empty", 0, 0, 0, 0), new PackageCoverage("P", 1, 1, 0, 0) }, summary.Packages);
    }

    [Fact]
    public void BranchAttributeWithoutConditionCoverageAddsNoBranches()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"1\" hits=\"1\" branch=\"True\"").ToString());

        var summary = _reader.Read(path);

        Assert.Equal(0, summary.BranchesValid);
        Assert.Null(summary.BranchRate);
    }

    [Fact]
    public void HitsBeyondLongAreStillCovered()
    {
        var path = _temp.Write("a.xml", new CoberturaXml("/src/").Class("A.cs", "number=\"1\" hits=\"123456789012345678901234567890\"").ToString());

        Assert.Equal(1, _reader.Read(path).LinesCovered);
    }

    [Fact]
    public void ReadingAllocatesNothingPerLine()
    {
        // 100,000 class-level lines (about 5 MB): bits cost 25 KB; a string or entry per line would cost megabytes.
        var lines = Enumerable.Range(1, 100_000).Select(n => $"number=\"{n}\" hits=\"{n % 3}\" branch=\"False\"").ToArray();
        var path = _temp.Write("big.xml", new CoberturaXml("/src/").Class("A.cs", lines).ToString());
        _reader.Read(path);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var summary = _reader.Read(path);

        Assert.Equal(66_667, summary.LinesCovered);
        Assert.Equal(100_000, summary.LinesValid);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512 * 1024, $"allocated {GC.GetAllocatedBytesForCurrentThread() - before} bytes");
    }
}
