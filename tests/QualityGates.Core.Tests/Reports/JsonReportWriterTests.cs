using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Tests.Reports;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void WritesTheTopLevelFieldsInOrder()
    {
        using var json = Parse(SampleReports.Failing());
        var root = json.RootElement;

        Assert.Equal(
            ["schemaVersion", "modelName", "modelVersion", "context", "timestamp", "strict", "allPassed", "summary", "checks", "thresholds", "metrics", "inputs", "merged", "warnings", "warningDetails", "waivers", "ci"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("veran", root.GetProperty("modelName").GetString());
        Assert.Equal("v6.2", root.GetProperty("modelVersion").GetString());
        Assert.Equal("production", root.GetProperty("context").GetString());
        Assert.Equal("2025-03-01T12:34:56.789Z", root.GetProperty("timestamp").GetString());
        Assert.False(root.GetProperty("strict").GetBoolean());
        Assert.False(root.GetProperty("allPassed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ci").ValueKind);
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        var summary = root.GetProperty("summary");
        Assert.Equal([10, 7, 3, 0], new[] { "total", "passed", "failed", "skipped" }.Select(n => summary.GetProperty(n).GetInt32()));
    }

    [Fact]
    public void WritesEveryCheckWithStatusValueThresholdAndCodeOnlyWhenFailed()
    {
        using var json = Parse(SampleReports.Failing());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();

        Assert.Equal(10, checks.Count);
        var passRate = checks[0];
        Assert.Equal(["gate", "status", "value", "threshold", "message", "code"], passRate.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tests.pass_rate", passRate.GetProperty("gate").GetString());
        Assert.Equal("failed", passRate.GetProperty("status").GetString());
        Assert.Equal(0.97, passRate.GetProperty("value").GetDouble());
        Assert.Equal(0.98, passRate.GetProperty("threshold").GetDouble());
        Assert.Equal("Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed, 2 skipped)", passRate.GetProperty("message").GetString());
        Assert.Equal("QG2001", passRate.GetProperty("code").GetString());

        var throughput = checks.Single(c => c.GetProperty("gate").GetString() == "model.throughput");
        Assert.Equal("passed", throughput.GetProperty("status").GetString());
        Assert.Equal(45.2, throughput.GetProperty("value").GetDouble());
        Assert.Equal(10, throughput.GetProperty("threshold").GetDouble());
        Assert.False(throughput.TryGetProperty("code", out _));
        Assert.Equal(["QG2001", "QG2002", "QG2009"],
            checks.Where(c => c.TryGetProperty("code", out _)).Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public void SkippedCheckHasNullValueAndNoCode()
    {
        using var json = Parse(SampleReports.TestsOnly());
        var coverage = json.RootElement.GetProperty("checks")[1];

        Assert.Equal("coverage.line", coverage.GetProperty("gate").GetString());
        Assert.Equal("skipped", coverage.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, coverage.GetProperty("value").ValueKind);
        Assert.Equal(0.9, coverage.GetProperty("threshold").GetDouble());
        Assert.False(coverage.TryGetProperty("code", out _));
        Assert.True(json.RootElement.GetProperty("allPassed").GetBoolean());
    }

    [Fact]
    public void WritesAllThresholdsOfTheContext()
    {
        using var json = Parse(SampleReports.Passing());
        var thresholds = json.RootElement.GetProperty("thresholds");

        Assert.Equal(
            ["minTestPassRate", "minCodeCoverage", "minBranchCoverage", "minQualityScore", "maxRegression", "maxLatencyIncrease",
             "maxMemoryIncreasePercent", "minThroughputTokensPerSec", "maxCriticalVulnerabilities", "maxHighVulnerabilities", "maxMediumVulnerabilities"],
            thresholds.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.98, thresholds.GetProperty("minTestPassRate").GetDouble());
        Assert.Equal(0.9, thresholds.GetProperty("minCodeCoverage").GetDouble());
        Assert.Equal(JsonValueKind.Null, thresholds.GetProperty("minBranchCoverage").ValueKind);
        Assert.Equal(15, thresholds.GetProperty("maxMemoryIncreasePercent").GetDouble());
        Assert.Equal(2, thresholds.GetProperty("maxHighVulnerabilities").GetInt32());
    }

    [Fact]
    public void WritesTheTestAndCoverageFigures()
    {
        using var json = Parse(SampleReports.Failing());
        var metrics = json.RootElement.GetProperty("metrics");

        Assert.Equal(["tests", "coverage", "reportedLineRate", "security", "model"], metrics.EnumerateObject().Select(p => p.Name));
        var tests = metrics.GetProperty("tests");
        Assert.Equal(1002, tests.GetProperty("total").GetInt32());
        Assert.Equal(970, tests.GetProperty("passed").GetInt32());
        Assert.Equal(30, tests.GetProperty("failed").GetInt32());
        Assert.Equal(2, tests.GetProperty("skipped").GetInt32());
        Assert.Equal(1000, tests.GetProperty("executed").GetInt32());
        Assert.Equal(0.97, tests.GetProperty("passRate").GetDouble());
        Assert.Equal(12.5, tests.GetProperty("durationSeconds").GetDouble());
        Assert.False(tests.GetProperty("aborted").GetBoolean());
        var failed = Assert.Single(tests.GetProperty("failedTests").EnumerateArray());
        Assert.Equal("Suite.FailsOnPurpose", failed.GetProperty("name").GetString());
        Assert.Equal("Expected 42, Actual 41", failed.GetProperty("message").GetString());
        Assert.Equal(0, tests.GetProperty("failedTestsOmitted").GetInt32());

        var coverage = metrics.GetProperty("coverage");
        Assert.Equal(0.85, coverage.GetProperty("lineRate").GetDouble());
        Assert.Equal(0.8, coverage.GetProperty("branchRate").GetDouble());
        Assert.Equal([850, 1000, 80, 100], new[] { "linesCovered", "linesValid", "branchesCovered", "branchesValid" }.Select(n => coverage.GetProperty(n).GetInt64()));
        var package = Assert.Single(coverage.GetProperty("packages").EnumerateArray());
        Assert.Equal("Veran.Core", package.GetProperty("name").GetString());
        Assert.Equal(0.95, package.GetProperty("lineRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("reportedLineRate").ValueKind);
    }

    [Fact]
    public void WritesTheSecurityAndModelFigures()
    {
        using var json = Parse(SampleReports.Failing());
        var metrics = json.RootElement.GetProperty("metrics");

        var security = metrics.GetProperty("security");
        Assert.Equal([1, 1, 3, 7, 1, 13], new[] { "critical", "high", "medium", "low", "unknown", "total" }.Select(n => security.GetProperty(n).GetInt32()));
        Assert.Equal(["trivy"], security.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));

        var model = metrics.GetProperty("model");
        Assert.Equal(
            ["qualityScore", "accuracy", "f1Score", "perplexity", "latencyMs", "throughputTokensPerSec", "memoryMb",
             "baselineQualityScore", "baselineLatencyMs", "baselineMemoryMb", "sourceFile"],
            model.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.87, model.GetProperty("qualityScore").GetDouble());
        Assert.Equal(45.2, model.GetProperty("throughputTokensPerSec").GetDouble());
        Assert.Equal(950, model.GetProperty("baselineMemoryMb").GetDouble());
    }

    [Fact]
    public void SectionsWithoutInputAreNull()
    {
        using var json = Parse(SampleReports.Evaluate(new GateInputs { ReportedLineRate = 0.93 }));
        var metrics = json.RootElement.GetProperty("metrics");

        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("tests").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("coverage").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("security").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("model").ValueKind);
        Assert.Equal(0.93, metrics.GetProperty("reportedLineRate").GetDouble());
    }

    [Fact]
    public void ReportWithoutModelHasNullNameAndVersion()
    {
        using var json = Parse(SampleReports.Empty());
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("modelName").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("modelVersion").ValueKind);
        Assert.Equal(0, root.GetProperty("checks").GetArrayLength());
        Assert.True(root.GetProperty("allPassed").GetBoolean());
    }

    [Fact]
    public void ListsAtMostOneHundredFailedTestsAndCountsTheRest()
    {
        var failures = Enumerable.Range(1, 150).Select(i => new FailedTest($"T{i}", new string('x', 5000))).ToList();
        var tests = SampleReports.FailingTests with { FailedTests = failures };
        using var json = Parse(SampleReports.Evaluate(new GateInputs { Tests = tests }));
        var section = json.RootElement.GetProperty("metrics").GetProperty("tests");

        var listed = section.GetProperty("failedTests").EnumerateArray().ToList();
        Assert.Equal(100, listed.Count);
        Assert.Equal("T1", listed[0].GetProperty("name").GetString());
        Assert.Equal("T100", listed[99].GetProperty("name").GetString());
        Assert.Equal(50, section.GetProperty("failedTestsOmitted").GetInt32());
        Assert.Equal(new string('x', 1999) + "…", listed[0].GetProperty("message").GetString());
    }

    [Fact]
    public void WritesTheCiObjectWhenGiven()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(SampleReports.Passing(), new CiBuildInfo("jenkins", "42", "https://ci.example/job/x/42/")));
        var ci = json.RootElement.GetProperty("ci");

        Assert.Equal("jenkins", ci.GetProperty("provider").GetString());
        Assert.Equal("42", ci.GetProperty("buildNumber").GetString());
        Assert.Equal("https://ci.example/job/x/42/", ci.GetProperty("buildUrl").GetString());
        Assert.Equal(JsonValueKind.Null, ci.GetProperty("commit").ValueKind);
    }

    [Fact]
    public void HostileTextRoundTripsAndLoneSurrogatesBecomeReplacementCharacters()
    {
        const string hostile = "<xml> & \"special\" ]]> \u0001 \\ line\nbreak \uD800 \U0001F600";
        var report = SampleReports.Failing() with
        {
            Checks = [new GateCheckResult(GateNames.TestPassRate, GateStatus.Failed, double.NaN, double.PositiveInfinity, hostile, "QG2001")],
            Warnings = [hostile],
        };

        using var json = Parse(report);
        var check = json.RootElement.GetProperty("checks")[0];

        Assert.Equal("<xml> & \"special\" ]]> \u0001 \\ line\nbreak \uFFFD \U0001F600", check.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("value").ValueKind); // JSON has no NaN
        Assert.Equal(JsonValueKind.Null, check.GetProperty("threshold").ValueKind);
        Assert.Equal(check.GetProperty("message").GetString(), json.RootElement.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void WritesUtf8WithoutBomIndentedAndReadable()
    {
        var bytes = JsonReportWriter.ToUtf8(SampleReports.Failing());

        Assert.Equal((byte)'{', bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"modelName\": \"veran\",", text.ReplaceLineEndings("\n"));
        Assert.Contains("(0.85 → 0.87)", text); // non-ASCII stays readable
    }

    private static JsonDocument Parse(QualityGateReport report)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(report, stream);
        stream.Position = 0;
        return JsonDocument.Parse(stream);
    }
}
