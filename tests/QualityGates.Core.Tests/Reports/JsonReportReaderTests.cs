using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;

namespace QualityGates.Tests.Reports;

public sealed class JsonReportReaderTests
{
    private const string Minimal = """
        {"schemaVersion": 1, "modelName": "veran", "modelVersion": "v6.2", "context": "staging",
         "timestamp": "2025-03-01T12:34:56.789Z", "allPassed": true,
         "checks": [{"gate": "tests.pass_rate", "status": "passed", "value": 1, "threshold": 0.95, "message": "ok"}]}
        """;

    [Fact]
    public void ReadsBackWhatTheWriterWrote()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "report.json");
        File.WriteAllBytes(path, JsonReportWriter.ToUtf8(SampleReports.Failing()));

        var saved = JsonReportReader.Read(path);

        Assert.Equal(path, saved.SourceFile);
        Assert.Equal(1, saved.SchemaVersion);
        Assert.Equal(new ModelIdentity("veran", "v6.2"), saved.Model);
        Assert.Equal(DeploymentContext.Production, saved.Context);
        Assert.Equal(SampleReports.Time, saved.Timestamp);
        Assert.Equal(TimeSpan.Zero, saved.Timestamp.Offset);
        Assert.False(saved.Strict);
        Assert.False(saved.AllPassed);
        Assert.Equal(SampleReports.Failing().Checks, saved.Checks);
    }

    [Fact]
    public void ReadsAReportWithoutModel()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "report.json");
        File.WriteAllBytes(path, JsonReportWriter.ToUtf8(SampleReports.Empty()));

        var saved = JsonReportReader.Read(path);

        Assert.Null(saved.Model);
        Assert.True(saved.AllPassed);
        Assert.Empty(saved.Checks);
    }

    [Fact]
    public void ReadsAHandWrittenMinimalReport()
    {
        using var folder = new TempDirectory();

        var saved = JsonReportReader.Read(folder.Write("r.json", Minimal));

        Assert.Equal(DeploymentContext.Staging, saved.Context);
        Assert.Equal(new GateCheckResult("tests.pass_rate", GateStatus.Passed, 1, 0.95, "ok"), Assert.Single(saved.Checks));
    }

    [Theory]
    [InlineData("2025-03-01T12:34:56Z", "2025-03-01T12:34:56.000Z")]
    [InlineData("2025-03-01T14:34:56.5+02:00", "2025-03-01T12:34:56.500Z")]
    [InlineData("2025-03-01T12:34:56.1234567Z", "2025-03-01T12:34:56.123Z")]
    public void ReadsIso8601TimestampsAsUtc(string written, string expectedUtc)
    {
        using var folder = new TempDirectory();

        var saved = JsonReportReader.Read(folder.Write("r.json", Minimal.Replace("2025-03-01T12:34:56.789Z", written, StringComparison.Ordinal)));

        Assert.Equal(expectedUtc, saved.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, saved.Timestamp.Offset);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1,", ErrorCodes.MalformedJson)]
    [InlineData("[1, 2]", ErrorCodes.WrongFileKind)]
    [InlineData("{\"Results\": [], \"SchemaVersion\": 2}", ErrorCodes.WrongFileKind)]
    [InlineData("{\"schemaVersion\": \"1\"}", ErrorCodes.WrongFileKind)]
    [InlineData("{\"schemaVersion\": 2, \"context\": \"staging\"}", ErrorCodes.WrongFileKind)]
    public void RefusesFilesThatAreNotReports(string content, string code)
    {
        using var folder = new TempDirectory();
        var path = folder.Write("r.json", content);

        var error = Assert.Throws<QualityGatesException>(() => JsonReportReader.Read(path));

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.File);
    }

    [Theory]
    [InlineData("\"allPassed\": true", "\"allPassed\": \"yes\"", ErrorCodes.WrongJsonFieldType, "allPassed")]
    [InlineData("\"value\": 1", "\"value\": \"100%\"", ErrorCodes.WrongJsonFieldType, "checks[0].value")]
    [InlineData("\"context\": \"staging\"", "\"context\": 2", ErrorCodes.WrongJsonFieldType, "context")]
    [InlineData("\"checks\": [", "\"checks\": \"none\", \"x\": [", ErrorCodes.WrongJsonFieldType, "checks as string")]
    [InlineData("2025-03-01T12:34:56.789Z", "yesterday", ErrorCodes.WrongJsonFieldType, "yesterday")]
    [InlineData("\"context\": \"staging\",", "", ErrorCodes.MissingJsonField, "context")]
    [InlineData("\"allPassed\": true,", "", ErrorCodes.MissingJsonField, "allPassed")]
    [InlineData("\"gate\": \"tests.pass_rate\",", "", ErrorCodes.MissingJsonField, "checks[0].gate")]
    [InlineData("\"modelVersion\": \"v6.2\",", "", ErrorCodes.MissingJsonField, "modelName without a modelVersion")]
    [InlineData("\"context\": \"staging\"", "\"context\": \"prod\"", ErrorCodes.InputValueOutOfRange, "'prod'")]
    [InlineData("\"status\": \"passed\"", "\"status\": \"ok\"", ErrorCodes.InputValueOutOfRange, "checks[0].status 'ok'")]
    [InlineData("\"status\": \"passed\"", "\"status\": \"failed\"", ErrorCodes.InputValueOutOfRange, "allPassed is true, but its check 'tests.pass_rate' failed")]
    public void RefusesReportsWithBadFields(string original, string replacement, string code, string mentioned)
    {
        using var folder = new TempDirectory();
        Assert.Contains(original, Minimal);
        var path = folder.Write("r.json", Minimal.Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<QualityGatesException>(() => JsonReportReader.Read(path));

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.File);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsInputFileNotFound()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "nope.json");

        var error = Assert.Throws<QualityGatesException>(() => JsonReportReader.Read(path));

        Assert.Equal(ErrorCodes.InputFileNotFound, error.Code);
        Assert.Equal(path, error.File);
    }
}
