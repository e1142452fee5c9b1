using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>The documented defaults, and that a value the project sets wins over them.</summary>
public sealed class DefaultsTests
{
    [Fact]
    public void DefaultsToStagingAndTheProjectsNameAndVersion()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject().Property("Version", "2.3.4"));

        Assert.Equal("true", project["QualityGatesEnabled"]);
        Assert.Equal("staging", project["QualityGatesContext"]);
        // Empty: strict in production only (production fails closed), lenient elsewhere; decided by the engine.
        Assert.Equal("", project["QualityGatesStrict"]);
        Assert.Equal("Auto", project["QualityGatesVSTestIntegration"]);
        Assert.Equal("Probe.Tests", project["QualityGatesModelName"]);
        // The version default is set in the targets, after the project body set $(Version).
        Assert.Equal("2.3.4", project["QualityGatesModelVersion"]);
        // Thresholds stay empty: the context's values apply in the engine.
        Assert.Equal(string.Empty, project["QualityGatesMinTestPassRate"]);
        Assert.EndsWith("/tasks/net8.0/QualityGates.MSBuild.dll", project["QualityGatesTaskAssembly"]);
    }

    [Fact]
    public void KeepsWhatTheProjectSets()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject()
            .Property("QualityGatesContext", "production")
            .Property("QualityGatesModelName", "fraud-model")
            .Property("QualityGatesModelVersion", "7.0.0")
            .Property("QualityGatesMinCodeCoverage", "0.85"));

        Assert.Equal("production", project["QualityGatesContext"]);
        Assert.Equal("fraud-model", project["QualityGatesModelName"]);
        Assert.Equal("7.0.0", project["QualityGatesModelVersion"]);
        Assert.Equal("0.85", project["QualityGatesMinCodeCoverage"]);
    }

    [Fact]
    public void AnEmptyReportFolderIsTheDefaultOneNeverTheProjectFolder()
    {
        var empty = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["QualityGatesReportDirectory"] = " " });

        Assert.EndsWith("/Probe.Tests/.quality-gates/", empty["_QualityGatesReportDirectory"].Replace('\\', '/'));
    }

    [Fact]
    public void TakesACommandLineContextOverTheProjects()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject().Property("QualityGatesContext", "production"),
            new Dictionary<string, string> { ["QualityGatesContext"] = "development" });

        Assert.Equal("development", project["QualityGatesContext"]);
    }
}
