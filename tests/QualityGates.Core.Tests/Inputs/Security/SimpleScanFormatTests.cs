using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>The seed's simple counts JSON (<c>critical_vulnerabilities</c>, ..., <c>scan_tool</c>).</summary>
public sealed class SimpleScanFormatTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadsTheSeedExample()
    {
        var path = temp.Write("scan.json", """
            {
              "critical_vulnerabilities": 0,
              "high_vulnerabilities": 1,
              "medium_vulnerabilities": 8,
              "low_vulnerabilities": 15,
              "scan_tool": "trivy",
              "scan_timestamp": "2024-05-01T10:00:00Z"
            }
            """);

        var summary = SecurityScanReader.Read(path);

        SecurityCounts.Equal(summary, 0, 1, 8, 15, 0);
        Assert.Equal(["simple"], summary.Formats);
        Assert.Equal(["trivy"], summary.ScanTools);
        Assert.Equal("2024-05-01T10:00:00Z", summary.ScanTimestamp);
        Assert.Equal([path], summary.SourceFiles);
    }

    [Fact]
    public void TakesAbsentCountsAsZeroAndAcceptsWholeFloats()
    {
        var path = temp.Write("scan.json", """{ "high_vulnerabilities": 3.0 }""");

        var summary = SecurityScanReader.Read(path);

        SecurityCounts.Equal(summary, 0, 3, 0, 0, 0);
        Assert.Empty(summary.ScanTools);
    }

    [Fact]
    public void RejectsACountWrittenAsAString()
    {
        var path = temp.Write("scan.json", "{\n  \"high_vulnerabilities\": 1,\n  \"critical_vulnerabilities\": \"3\"\n}");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal($"'{path}' line 3: $.critical_vulnerabilities must be a number, but is the string \"3\".", error.Message);
    }

    [Fact]
    public void RejectsANegativeCount()
    {
        var path = temp.Write("scan.json", "{\n  \"critical_vulnerabilities\": 0,\n\n  \"medium_vulnerabilities\": -2\n}");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(4, error.Line);
        Assert.Contains("$.medium_vulnerabilities is -2", error.Message);
    }

    [Fact]
    public void RejectsAFractionalCount()
    {
        var path = temp.Write("scan.json", """{ "low_vulnerabilities": 2.5 }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Contains("must be a whole number", error.Message);
    }

    [Fact]
    public void AddsTheCountsOfSeveralFilesAsTheyAre()
    {
        var first = temp.Write("a.json", """{ "critical_vulnerabilities": 1, "low_vulnerabilities": 2 }""");
        var second = temp.Write("b.json", """{ "critical_vulnerabilities": 1, "scan_tool": "snyk" }""");

        var summary = SecurityScanReader.ReadAll([first, second]);

        // No finding identities to match on: the same count in two files is two findings.
        SecurityCounts.Equal(summary, 2, 0, 0, 2, 0);
        Assert.Equal(["snyk"], summary.ScanTools);
    }
}
