using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>Where the package acts at all: test projects in real builds, unless switched off.</summary>
public sealed class ActivationTests
{
    [Fact]
    public void TakesOverVSTestInATestProject()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject());

        Assert.Equal("true", project["_QualityGatesActive"]);
        Assert.Equal("QualityGates.MSBuild.VSTest.targets", project.TargetFile("VSTest"));
        Assert.Equal("QualityGates.MSBuild.targets", project.TargetFile("QualityGatesEvaluate"));
        // Undeliverable webhooks and CI summaries stay warnings even under -warnaserror.
        Assert.Contains("QG5002", project.List("MSBuildWarningsNotAsErrors"));
        Assert.Contains("QG5003", project.List("MSBuildWarningsNotAsErrors"));
    }

    [Fact]
    public void ChangesNothingWhenDisabled()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["QualityGatesEnabled"] = "false" });

        AssertUntouched(project);
    }

    [Fact]
    public void ChangesNothingInAProjectThatIsNotATestProject()
    {
        var project = PackageEvaluation.Of(ProjectBuilder.Sdk().Property("TargetFramework", "net10.0"), name: "Probe.Library");

        AssertUntouched(project);
    }

    [Fact]
    public void ChangesNothingInADesignTimeBuild()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["DesignTimeBuild"] = "true" });

        AssertUntouched(project);
    }

    [Fact]
    public void StaysActiveOnABadEnabledValueSoTheTaskCanReportIt()
    {
        // QG0006 names the property. (MSBuild compares 'no' and 'off' as the boolean false, so those do switch it off.)
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string> { ["QualityGatesEnabled"] = "maybe" });

        Assert.Equal("true", project["_QualityGatesActive"]);
    }

    private static void AssertUntouched(Evaluation project)
    {
        Assert.Equal("false", project["_QualityGatesActive"]);
        Assert.Equal("None", project["_QualityGatesVSTestMode"]);
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("VSTest"));
        Assert.DoesNotContain("QG5002", project.List("MSBuildWarningsNotAsErrors"));
        Assert.DoesNotContain("TESTERROR", project.List("MSBuildWarningsNotAsErrors"));
        // The test run's own logger and results folder are left alone.
        Assert.Equal(string.Empty, project["VSTestLogger"]);
        Assert.Equal(string.Empty, project["VSTestResultsDirectory"]);
    }
}
