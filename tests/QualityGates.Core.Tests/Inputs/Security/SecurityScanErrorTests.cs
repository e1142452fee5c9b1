using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Files that are not a scan, or not JSON, fail with one coded error naming the file and line.</summary>
public sealed class SecurityScanErrorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\"\n}")]
    [InlineData("{}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[]")]
    [InlineData("\"trivy\"")]
    [InlineData("42")]
    public void RejectsAnUnknownShapeAsTheWrongKindOfFile(string json)
    {
        var path = temp.Write("scan.json", json);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void NamesTheFieldsOfAnUnknownObject()
    {
        var path = temp.Write("package.json", """{ "name": "app", "dependencies": {} }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Contains("'name', 'dependencies'", error.Message);
    }

    [Fact]
    public void ReportsTruncatedJsonAsMalformedWithTheLine()
    {
        var path = temp.Write("grype.json", "{\n  \"matches\": [\n    {\n      \"vulnerability\": {\n        \"id\": \"CVE-1\",\n");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(6, error.Line);
        // Only the 1-based line: System.Text.Json's own 0-based "LineNumber: 5" is cut off.
        Assert.Equal($"'{path}' is not valid JSON (line 6): Expected start of a property name or value, but instead reached end of data.", error.Message);
    }

    [Fact]
    public void ReportsAMissingFile()
    {
        var path = Path.Combine(temp.Path, "absent.json");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.InputFileNotFound, error.Code);
    }

    [Fact]
    public void ReportsAnEmptyFile()
    {
        var path = temp.Write("empty.json", string.Empty);

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.InputFileEmpty, error.Code);
    }
}
