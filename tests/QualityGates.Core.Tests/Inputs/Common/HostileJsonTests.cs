using System.Text;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Inputs.ModelMetrics;
using QualityGates.Inputs.Security;
using QualityGates.Inputs.TestMetrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Tests.Registry;

namespace QualityGates.Tests.Inputs.Common;

/// <summary>
/// Hostile JSON, in every JSON reader: a key given twice is QG1014 with the key and its
/// line, and a string that is not text (a lone surrogate escape, invalid UTF-8) is QG1004 with its
/// line, never an unhandled exception.
/// </summary>
public sealed class HostileJsonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string, string> DuplicateKeys() => new()
    {
        { "simple scan", "{\n  \"critical_vulnerabilities\": 5,\n  \"critical_vulnerabilities\": 0,\n  \"high_vulnerabilities\": 0\n}", "critical_vulnerabilities" },
        { "trivy", "{\n  \"SchemaVersion\": 2, \"Results\": [{ \"Target\": \"a\", \"Vulnerabilities\": [{ \"VulnerabilityID\": \"CVE-1\", \"Severity\": \"CRITICAL\",\n  \"Severity\": \"LOW\" }] }]\n}", "Severity" },
        { "grype", "{\n  \"matches\": [],\n  \"matches\": [], \"descriptor\": { \"name\": \"grype\" }\n}", "matches" },
        { "sarif", "{\n  \"version\": \"2.1.0\",\n  \"runs\": [], \"runs\": []\n}", "runs" },
        { "dotnet list", "{\n  \"version\": 1,\n  \"\\u0070rojects\": [], \"projects\": []\n}", "projects" },
        { "test metrics", "{\n  \"total_tests\": 10,\n  \"failed_tests\": 3, \"failed_tests\": 0\n}", "failed_tests" },
        { "model metrics", "{\n  \"quality_score\": 0.5,\n  \"quality_score\": 0.99\n}", "quality_score" },
        { "gate report", "{\n  \"schemaVersion\": 1,\n  \"allPassed\": false, \"allPassed\": true\n}", "allPassed" },
    };

    public static TheoryData<string, string> NotText() => new()
    {
        { "simple scan", "{\"critical_vulnerabilities\": 0,\n\"tool\": \"\\ud800\"}" },
        { "trivy", "{\"SchemaVersion\": 2, \"ArtifactName\": \"x\",\n\"Results\": [{\"Target\": \"\\udfff\"}]}" },
        { "grype", "{\"matches\": [],\n\"descriptor\": {\"\\ud800\": \"grype\"}}" },
        { "sarif", "{\"version\": \"2.1.0\",\n\"runs\": [{\"tool\": {\"driver\": {\"name\": \"a\\ud83d\"}}}]}" },
        { "dotnet list", "{\"version\": 1, \"projects\": [],\n\"\\udc00\": 1}" },
        { "test metrics", "{\"total_tests\": 1,\n\"name\": \"\\ud800\\u0041\"}" },
        { "model metrics", "{\"quality_score\": 0.9,\n\"model\": \"\\ud800\"}" },
        { "gate report", "{\"schemaVersion\": 1,\n\"modelName\": \"\\ud800\"}" },
    };

    public static TheoryData<string> Readers() => ["simple scan", "trivy", "grype", "sarif", "dotnet list", "test metrics", "model metrics", "gate report"];

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public void ADuplicateKeyIsRefusedWithTheKeyAndItsLine(string reader, string json, string key)
    {
        var path = _dir.Write("input.json", json);

        var error = Assert.Throws<QualityGatesException>(() => Read(reader, path));

        Assert.Equal(ErrorCodes.DuplicateJsonKey, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal(path, error.File);
        Assert.Contains($"\"{key}\"", error.Message);
    }

    [Theory]
    [MemberData(nameof(NotText))]
    public void ALoneSurrogateInAValueOrKeyIsACodedErrorWithItsLine(string reader, string json)
    {
        var path = _dir.Write("input.json", json);

        var error = Assert.Throws<QualityGatesException>(() => Read(reader, path));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void InvalidUtf8IsACodedError(string reader)
    {
        var path = Path.Combine(_dir.Path, "input.json");
        File.WriteAllBytes(path, [.. "{\"a\": 1,\n\"b\": \""u8, 0xC3, 0x28, .. "\"}"u8]);

        var error = Assert.Throws<QualityGatesException>(() => Read(reader, path));

        Assert.Equal((ErrorCodes.MalformedJson, 2), (error.Code, error.Line));
    }

    [Fact]
    public void TheSameKeyInTwoObjectsIsFine()
    {
        var path = _dir.Write("input.json", "{\"critical_vulnerabilities\": 1, \"high_vulnerabilities\": 0, \"medium_vulnerabilities\": 0, \"low_vulnerabilities\": 0, \"x\": {\"critical_vulnerabilities\": 2}}");

        Assert.Equal(1, SecurityScanReader.Read(path).Critical);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"schemaVersion\":1,\"id\":\"x\"}", "is ambiguous: the key \"schemaVersion\" appears twice")]
    [InlineData("{\"schemaVersion\":1,\"id\":\"\\ud800\"}", "is not valid JSON: a string is not valid text")]
    public void ARegistryLineWithADuplicateKeyOrALoneSurrogateIsSkippedWithAWarning(string badLine, string expected)
    {
        using var scene = new RegistryScene();
        var model = new QualityGates.Metrics.ModelIdentity("veran", "v6.2");
        scene.Registry.Approve(model, DeploymentContext.Development, "alice");
        File.AppendAllText(scene.FileOf("veran"), badLine + "\n");

        var history = scene.Registry.GetHistory(model);

        Assert.Single(history.Value);
        var warning = Assert.Single(history.Warnings);
        Assert.Equal((ErrorCodes.RegistryLineCorrupt, 2), (warning.Code, warning.Line));
        Assert.Contains(expected, warning.Message);
    }

    public void Dispose() => _dir.Dispose();

    private static object Read(string reader, string path) => reader switch
    {
        "test metrics" => TestMetricsJsonReader.Read(path),
        "model metrics" => ModelMetricsReader.Read(path),
        "gate report" => JsonReportReader.Read(path),
        _ => SecurityScanReader.Read(path),
    };
}
