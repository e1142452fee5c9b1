using QualityGates.Errors;
using QualityGates.Inputs.Security;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Hand-written SARIF 2.1.0 logs for suppression, rule lookup and the severity mapping.</summary>
public sealed class SarifEdgeCaseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void SkipsAcceptedSuppressionsButCountsOnesUnderReviewOrRejected()
    {
        var path = Sarif("""
            { "ruleId": "R1", "level": "error", "message": { "text": "1" }, "suppressions": [ { "kind": "inSource" } ] },
            { "ruleId": "R1", "level": "error", "message": { "text": "2" }, "suppressions": [ { "kind": "external", "status": "accepted" } ] },
            { "ruleId": "R1", "level": "error", "message": { "text": "3" }, "suppressions": [ { "kind": "external", "status": "underReview" } ] },
            { "ruleId": "R1", "level": "error", "message": { "text": "4" }, "suppressions": [ { "kind": "external", "status": "rejected" } ] },
            { "ruleId": "R1", "level": "error", "message": { "text": "5" }, "suppressions": [] }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 3, 0, 0, 0);
    }

    [Fact]
    public void SkipsPassingResultsAndLevelNone()
    {
        var path = Sarif("""
            { "ruleId": "R1", "kind": "pass", "message": { "text": "1" } },
            { "ruleId": "R1", "kind": "notApplicable", "message": { "text": "2" } },
            { "ruleId": "R1", "level": "none", "message": { "text": "3" } },
            { "ruleId": "R1", "kind": "fail", "level": "note", "message": { "text": "4" } }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 0, 1, 0);
    }

    [Fact]
    public void FindsTheRuleByIndexInAnExtensionByRuleIndexAndById()
    {
        var path = temp.Write("scan.sarif", """
            {
              "version": "2.1.0",
              "runs": [ {
                "tool": {
                  "driver": { "name": "Analyzer", "rules": [
                    { "id": "D0", "defaultConfiguration": { "level": "note" } },
                    { "id": "D1", "defaultConfiguration": { "level": "error" } }
                  ] },
                  "extensions": [ { "name": "pack", "rules": [
                    { "id": "E0", "defaultConfiguration": { "level": "error" } },
                    { "id": "E1" }
                  ] } ]
                },
                "results": [
                  { "rule": { "id": "E0", "index": 0, "toolComponent": { "index": 0 } }, "message": { "text": "a" } },
                  { "ruleIndex": 1, "message": { "text": "b" } },
                  { "ruleId": "D0", "message": { "text": "c" } },
                  { "ruleId": "E1", "message": { "text": "d" } },
                  { "ruleId": "not-described", "message": { "text": "e" } },
                  { "ruleId": "D1", "level": "note", "message": { "text": "f" } }
                ]
              } ]
            }
            """);

        // a: E0 default error → high; b: D1 default error → high; c: D0 default note → low;
        // d: E1 has no default → warning → medium; e: no rule → warning → medium;
        // f: the result's own level wins over the rule's default → low.
        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 2, 2, 2, 0);
    }

    [Theory]
    [InlineData("\"10.0\"", 1, 0, 0, 0)]
    [InlineData("\"9.0\"", 1, 0, 0, 0)]
    [InlineData("\"8.9\"", 0, 1, 0, 0)]
    [InlineData("\"7.0\"", 0, 1, 0, 0)]
    [InlineData("\"6.9\"", 0, 0, 1, 0)]
    [InlineData("\"4.0\"", 0, 0, 1, 0)]
    [InlineData("\"3.9\"", 0, 0, 0, 1)]
    [InlineData("\"0.1\"", 0, 0, 0, 1)]
    [InlineData("\"0.0\"", 0, 0, 0, 0)]
    [InlineData("7.5", 0, 1, 0, 0)]
    public void RanksBySecuritySeverityInCvssBandsOverTheLevel(string score, int critical, int high, int medium, int low)
    {
        var path = temp.Write("scan.sarif", $$"""
            { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "t", "rules": [
              { "id": "R", "properties": { "security-severity": {{score}} } } ] } },
              "results": [ { "ruleId": "R", "level": "note", "message": { "text": "m" } } ] } ] }
            """);

        SecurityCounts.Equal(SecurityScanReader.Read(path), critical, high, medium, low, 0);
    }

    [Fact]
    public void CountsAResultReportedTwiceAtTheSamePlaceOnce()
    {
        var result = """{ "ruleId": "R1", "level": "warning", "message": { "text": "m" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "src/a.cs" }, "region": { "startLine": 4 } } } ] }""";
        var path = Sarif(result + ",\n" + result + ",\n" + result.Replace("\"startLine\": 4", "\"startLine\": 5", StringComparison.Ordinal));

        SecurityCounts.Equal(SecurityScanReader.Read(path), 0, 0, 2, 0, 0);
    }

    [Fact]
    public void RejectsASecuritySeverityThatIsNotAScore()
    {
        var path = temp.Write("scan.sarif", "{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"t\", \"rules\": [\n  { \"id\": \"R\", \"properties\": {\n    \"security-severity\": \"high\" } } ] } },\n  \"results\": [ { \"ruleId\": \"R\", \"message\": { \"text\": \"m\" } } ] } ] }");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongJsonFieldType, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Contains("$.runs[0].tool.driver.rules[0].properties['security-severity']", error.Message);
    }

    [Fact]
    public void RejectsAnUnknownLevel()
    {
        var path = Sarif("""{ "ruleId": "R", "level": "critical", "message": { "text": "m" } }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Contains("$.runs[0].results[0].level", error.Message);
    }

    [Fact]
    public void RejectsARuleIndexPastTheRules()
    {
        var path = Sarif("""{ "ruleIndex": 2, "message": { "text": "m" } }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.InputValueOutOfRange, error.Code);
        Assert.Contains("$.runs[0].results[0].ruleIndex is 2", error.Message);
    }

    [Fact]
    public void RejectsAnotherSarifVersion()
    {
        var path = temp.Write("old.sarif", """{ "version": "2.0.0", "runs": [] }""");

        var error = Assert.Throws<QualityGatesException>(() => SecurityScanReader.Read(path));

        Assert.Equal(ErrorCodes.WrongFileKind, error.Code);
        Assert.Contains("'2.0.0'", error.Message);
    }

    /// <summary>A one-run log whose results start on line 3, one rule "R" with no default level.</summary>
    private string Sarif(string results) => temp.Write("scan.sarif",
        "{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"t\", \"rules\": [ { \"id\": \"R\" } ] } },\n"
        + "  \"results\": [\n" + results + "\n] } ] }");
}
