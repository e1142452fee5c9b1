using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Inputs.Security;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>
/// Two SARIF results are one finding only when the producer says so (a shared fingerprint) or when nothing that
/// locates them tells them apart; in a file with several runs each finding belongs to its own run's tool.
/// </summary>
public sealed class SarifResultIdentityTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ThreeResultsOnOneLineAtThreeColumnsAreThreeFindings()
    {
        var summary = SecurityScanReader.Read(Fixtures.Case("s08-sarif-same-line-three-columns", "scan-build.sarif"));

        SecurityCounts.Equal(summary, 0, 0, 3, 0, 0);
        Assert.Equal(["src/Source.cpp:133:23", "src/Source.cpp:133:41", "src/Source.cpp:133:59"], summary.Listed.Select(f => f.Location));
        var check = Run(DeploymentContext.Development, new GateInputs { Security = summary },
            thresholds: GateThresholds.For(DeploymentContext.Development) with { MaxMediumVulnerabilities = 2 }).Check(GateNames.MediumVulnerabilities);
        Assert.Equal(GateStatus.Failed, check.Status);
    }

    [Theory]
    [InlineData("""{ "startLine": 7, "startColumn": 5 }""", """{ "startLine": 7, "startColumn": 9 }""", 2)]
    [InlineData("""{ "startLine": 7, "endLine": 9 }""", """{ "startLine": 7, "endLine": 8 }""", 2)]
    [InlineData("""{ "startLine": 7, "startColumn": 5, "endColumn": 9 }""", """{ "startLine": 7, "startColumn": 5, "endColumn": 12 }""", 2)]
    [InlineData("""{ "charOffset": 120, "charLength": 4 }""", """{ "charOffset": 360, "charLength": 4 }""", 2)]
    [InlineData("""{ "startLine": 7 }""", """{ "startLine": 7, "startColumn": 1, "endLine": 7 }""", 1)] // the spec's defaults
    [InlineData("""{ "startLine": 7, "startColumn": 5 }""", """{ "startLine": 7, "startColumn": 5 }""", 1)]
    public void EverythingThatLocatesAResultTellsItApart(string first, string second, int findings)
    {
        var path = temp.Write("r.sarif", Sarif(ToolRun("tool", Result("R1", "a.c", first), Result("R1", "a.c", second))));

        Assert.Equal(findings, SecurityScanReader.Read(path).Medium);
    }

    [Fact]
    public void ResultsAtTheSamePlaceWithDifferentPartialFingerprintsAreDifferent()
    {
        var region = """{ "startLine": 3 }""";
        var path = temp.Write("r.sarif", Sarif(ToolRun("tool",
            Result("R1", "a.c", region, partial: """{ "primaryLocationLineHash": "aa11:1" }"""),
            Result("R1", "a.c", region, partial: """{ "primaryLocationLineHash": "bb22:1" }"""),
            Result("R1", "a.c", region, partial: """{ "primaryLocationLineHash": "bb22:1" }"""))));

        Assert.Equal(2, SecurityScanReader.Read(path).Medium);
    }

    [Fact]
    public void ASharedFingerprintIsOneFindingWhereverItIsAndDifferentFingerprintsAreTwo()
    {
        var path = temp.Write("r.sarif", Sarif(ToolRun("tool",
            // moved between two runs of the tool: same fingerprint, other line
            Result("R1", "a.c", """{ "startLine": 3 }""", fingerprints: """{ "stable/v1": "f00d" }"""),
            Result("R1", "a.c", """{ "startLine": 30 }""", fingerprints: """{ "stable/v1": "f00d", "other/v2": "x" }"""),
            // the same place and message, but the producer says they are different results
            Result("R2", "b.c", """{ "startLine": 5 }""", fingerprints: """{ "stable/v1": "1111" }"""),
            Result("R2", "b.c", """{ "startLine": 5 }""", fingerprints: """{ "stable/v1": "2222" }"""))));

        Assert.Equal(3, SecurityScanReader.Read(path).Medium);
    }

    [Fact]
    public void TheSameResultInTwoFilesStillCountsOnce()
    {
        var run = ToolRun("tool", Result("R1", "a.c", """{ "startLine": 3, "startColumn": 2 }""", partial: """{ "h": "1" }"""));
        var one = temp.Write("one.sarif", Sarif(run));
        var two = temp.Write("two.sarif", Sarif(run));

        Assert.Equal(1, SecurityScanReader.ReadAll([one, two]).Medium);
    }

    [Fact]
    public void EachFindingIsCreditedToTheRunThatFoundIt()
    {
        var path = temp.Write("two-runs.sarif", Sarif(
            ToolRun("CodeQL", Result("cs/sql-injection", "src/Db.cs", """{ "startLine": 12 }""", level: "error")),
            ToolRun("Semgrep", Result("csharp.lang.security.xxe", "src/Xml.cs", """{ "startLine": 40 }""", level: "error"))));
        var summary = SecurityScanReader.Read(path);

        var check = Run(DeploymentContext.Development, new GateInputs { Security = summary },
            thresholds: GateThresholds.For(DeploymentContext.Development) with { MaxHighVulnerabilities = 0 }).Check(GateNames.HighVulnerabilities);

        Assert.Equal(["CodeQL", "Semgrep"], summary.ScanTools);
        Assert.Equal([("cs/sql-injection", "CodeQL"), ("csharp.lang.security.xxe", "Semgrep")], summary.Listed.Select(f => (f.Advisory, f.Tool)));
        Assert.Contains("(scan: CodeQL, Semgrep)", check.Message, StringComparison.Ordinal);
        Assert.Contains("csharp.lang.security.xxe at src/Xml.cs:40 (found by Semgrep)", check.Message, StringComparison.Ordinal);
        Assert.Contains("cs/sql-injection at src/Db.cs:12 (found by CodeQL)", check.Message, StringComparison.Ordinal);
    }

    private static string Sarif(params string[] runs) =>
        $$"""{ "version": "2.1.0", "runs": [ {{string.Join(", ", runs)}} ] }""";

    private static string ToolRun(string tool, params string[] results) =>
        $$"""{ "tool": { "driver": { "name": "{{tool}}" } }, "results": [ {{string.Join(", ", results)}} ] }""";

    private static string Result(string rule, string uri, string region, string? partial = null, string? fingerprints = null, string level = "warning") =>
        $$"""
        { "ruleId": "{{rule}}", "level": "{{level}}", "message": { "text": "same text" },
          "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{uri}}" }, "region": {{region}} } } ]
          {{(partial is null ? "" : $", \"partialFingerprints\": {partial}")}}
          {{(fingerprints is null ? "" : $", \"fingerprints\": {fingerprints}")}} }
        """;
}
