using QualityGates.Errors;
using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>Bad input gives one coded error with the file and line, never a raw exception or a partial result.</summary>
public sealed class CoberturaBadInput : IDisposable
{
    private readonly CoberturaReader _reader = new();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TrxGivenAsCoberturaIsTheWrongFileKind()
    {
        var path = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("<TestRun>", error.Message);
    }

    [Fact]
    public void TruncatedFileIsMalformedXmlWithTheLine()
    {
        var whole = File.ReadAllText(Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml"));
        var path = _temp.Write("truncated.xml", whole[..(whole.Length / 2)]);
        var lastLine = whole[..(whole.Length / 2)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.MalformedXml, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(lastLine, error.Line);
    }

    [Fact]
    public void InternalDtdEntityIsRefused()
    {
        var path = _temp.Write("entity.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [\n<!ENTITY hits \"1\">\n]>\n<coverage>\n<packages><package name=\"P\"><classes><class filename=\"A.cs\"><lines>\n<line number=\"1\" hits=\"&hits;\" />\n</lines></class></classes></package></packages>\n</coverage>\n");

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.XmlDtdNotAllowed, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [InlineData("number=\"4\" hits=\"-1\"", "hits=\"-1\"")]
    [InlineData("number=\"-4\" hits=\"1\"", "number=\"-4\"")]
    [InlineData("number=\"x\" hits=\"1\"", "number=\"x\"")]
    [InlineData("number=\"4\" hits=\"1.5\"", "hits=\"1.5\"")]
    [InlineData("number=\"4\" hits=\"1\" condition-coverage=\"150% (3/2)\"", "condition-coverage=\"150% (3/2)\"")]
    [InlineData("number=\"4\" hits=\"1\" condition-coverage=\"50%\"", "condition-coverage=\"50%\"")]
    [InlineData("hits=\"1\"", "lacks its number")]
    [InlineData("number=\"4\"", "lacks its hits")]
    public void BadLineValueIsOutOfRangeWithItsLine(string attributes, string quoted)
    {
        var xml = new CoberturaXml("/src/").Class("A.cs", "number=\"1\" hits=\"1\"", attributes).ToString();
        var path = _temp.Write("bad.xml", xml);
        var expectedLine = xml.Split('\n').ToList().FindLastIndex(line => line.Contains(attributes, StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(expectedLine, error.Line);
        Assert.Contains(quoted, error.Message);
    }

    [Fact]
    public void ClassWithoutFilenameIsOutOfRange()
    {
        var path = _temp.Write("nofile.xml", "<coverage><packages><package name=\"P\"><classes><class name=\"C\"><lines /></class></classes></package></packages></coverage>");

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void MissingFileIsNotFound()
    {
        var path = Path.Combine(_temp.Path, "absent.xml");

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.InputFileNotFound, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void EmptyFileIsEmpty()
    {
        var path = _temp.Write("empty.xml", string.Empty);

        var error = Assert.Throws<QualityGatesException>(() => _reader.Read(path));

        Assert.Equal(ErrorCodes.InputFileEmpty, error.Code);
    }

    [Fact]
    public void ErrorInTheSecondFileNamesThatFile()
    {
        var good = Fixtures.Path("cobertura", "coverlet-msbuild", "guardclauses.coverage.cobertura.xml");
        var bad = _temp.Write("bad.xml", "<coverage><packages>");

        var error = Assert.Throws<QualityGatesException>(() => _reader.ReadAll(new[] { good, bad }));

        Assert.Equal(ErrorCodes.MalformedXml, error.Code);
        Assert.Equal(bad, error.File);
    }
}
