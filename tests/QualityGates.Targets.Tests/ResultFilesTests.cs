using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>
/// Where this run's TRX, the test results and the gate's reports go, for one target framework or each
/// leg of a multi-targeting project, and how the user's own logger and folders are kept.
/// </summary>
public sealed class ResultFilesTests
{
    [Fact]
    public void AddsItsOwnTrxLoggerAndUsesTheProjectsFolders()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject());
        var directory = project["MSBuildProjectDirectory"];

        Assert.Equal("false", project["_QualityGatesUserTrx"]);
        Assert.Equal("QualityGates-Probe.Tests-net10.0.trx", project["_QualityGatesTrxFileName"]);
        Assert.Equal(";trx;LogFileName=QualityGates-Probe.Tests-net10.0.trx", Unescape(project["_QualityGatesVSTestLogger"]));
        Assert.Equal(Path.Combine(directory, "TestResults") + "/", project["_QualityGatesResultsDirectory"]);
        Assert.Equal(Path.Combine(directory, ".quality-gates") + "/", project["_QualityGatesReportDirectory"]);
    }

    [Fact]
    public void GivesEachTargetFrameworkOfAMultiTargetingProjectItsOwnFolders()
    {
        // The inner build of one leg, as the outer VSTest dispatches it.
        var project = PackageEvaluation.Of(
            ProjectBuilder.Sdk().Property("TargetFrameworks", "net8.0;net10.0").Property("IsTestProject", "true"),
            new Dictionary<string, string> { ["TargetFramework"] = "net8.0" });
        var directory = project["MSBuildProjectDirectory"];

        Assert.Equal("QualityGates-Probe.Tests-net8.0.trx", project["_QualityGatesTrxFileName"]);
        Assert.Equal(Path.Combine(directory, "TestResults", "net8.0") + "/", project["_QualityGatesResultsDirectory"]);
        Assert.Equal(Path.Combine(directory, ".quality-gates", "net8.0") + "/", project["_QualityGatesReportDirectory"]);
    }

    [Theory]
    [InlineData("trx")]
    [InlineData("trx;LogFileName=mine.trx")]
    [InlineData("console;verbosity=normal;trx")]
    [InlineData("logger://Microsoft/TestPlatform/TrxLogger/v1")]
    public void LeavesTheUsersTrxLoggerAsItIs(string logger)
    {
        // dotnet test --logger passes VSTestLogger as a global property.
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["VSTestLogger"] = logger });

        Assert.Equal("true", project["_QualityGatesUserTrx"]);
        Assert.Equal(logger, project["_QualityGatesVSTestLogger"]);
    }

    [Fact]
    public void AddsItsTrxLoggerBesideTheUsersOtherLoggers()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["VSTestLogger"] = "console;verbosity=normal" });

        Assert.Equal("false", project["_QualityGatesUserTrx"]);
        Assert.Equal("console;verbosity=normal;trx;LogFileName=QualityGates-Probe.Tests-net10.0.trx", Unescape(project["_QualityGatesVSTestLogger"]));
    }

    [Fact]
    public void ReadsTheUsersResultsDirectoryAndReportDirectory()
    {
        using var folder = new TempDirectory();
        var results = Path.Combine(folder.Path, "my-results");

        var project = PackageEvaluation.Of(PackageEvaluation.TestProject().Property("QualityGatesReportDirectory", "gates"),
            new Dictionary<string, string> { ["VSTestResultsDirectory"] = results });

        Assert.Equal(results, project["_QualityGatesVSTestResultsDirectory"]);
        Assert.Equal(results + "/", project["_QualityGatesResultsDirectory"]);
        Assert.Equal(Path.Combine(project["MSBuildProjectDirectory"], "gates") + "/", project["_QualityGatesReportDirectory"]);
    }

    [Fact]
    public void AsksCoverletMSBuildForCoberturaBesideTheUsersFormats()
    {
        // CoverletToolsPath is what coverlet.msbuild's props set; the package only reads it.
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject().Property("CoverletToolsPath", "/coverlet/").Property("CoverletOutputFormat", "json"),
            new Dictionary<string, string> { ["CollectCoverage"] = "true" });

        Assert.Equal("json,cobertura", project["CoverletOutputFormat"]);
    }

    private static string Unescape(string value) => value.Replace("%3B", ";", StringComparison.OrdinalIgnoreCase);
}
