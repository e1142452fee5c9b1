using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Hand-written grype files for what the fixtures do not show.</summary>
public sealed class GrypeEdgeCaseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void MapsEverySeverityWordAndIgnoresIgnoredMatches()
    {
        var path = temp.Write("grype.json", """
            {
              "matches": [
                { "vulnerability": { "id": "CVE-1", "severity": "Critical" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-2", "severity": "High" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-3", "severity": "Medium" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-4", "severity": "Low" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-5", "severity": "Negligible" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-6", "severity": "Unknown" }, "artifact": { "name": "a", "version": "1" } },
                { "vulnerability": { "id": "CVE-7" }, "artifact": { "name": "a", "version": "1" } }
              ],
              "ignoredMatches": [
                { "vulnerability": { "id": "CVE-8", "severity": "Critical" }, "artifact": { "name": "a", "version": "1" } }
              ],
              "source": { "type": "directory", "target": "." },
              "descriptor": { "name": "grype", "version": "0.80.0", "timestamp": "2024-09-01T12:00:00Z" }
            }
            """);

        var summary = SecurityScanReader.Read(path);

        SecurityCounts.Equal(summary, 1, 1, 1, 2, 2);
        Assert.Equal("2024-09-01T12:00:00Z", summary.ScanTimestamp);
    }

    [Fact]
    public void RejectsASeverityWrittenAsANumber()
    {
        var path = temp.Write("grype.json", "{\n  \"source\": {},\n  \"matches\": [\n    { \"vulnerability\": { \"id\": \"CVE-1\", \"severity\": \"High\" }, \"artifact\": { \"name\": \"a\" } },\n    { \"vulnerability\": { \"id\": \"CVE-2\", \"severity\": 7.5 }, \"artifact\": { \"name\": \"a\" } }\n  ]\n}");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(5, error.Line);
        Assert.Contains("$.matches[1].vulnerability.severity must be a string", error.Message);
    }

    [Fact]
    public void RejectsAMatchWithoutItsArtifact()
    {
        var path = temp.Write("grype.json", """{ "source": {}, "matches": [ { "vulnerability": { "id": "CVE-1" } } ] }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.MissingJsonField, error.Code);
        Assert.Contains("$.matches[0] has no required field 'artifact'", error.Message);
    }

    [Fact]
    public void RejectsMatchesThatAreNotAList()
    {
        var path = temp.Write("grype.json", """{ "source": {}, "matches": { "count": 3 } }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Contains("$.matches must be an array, but is an object", error.Message);
    }
}
