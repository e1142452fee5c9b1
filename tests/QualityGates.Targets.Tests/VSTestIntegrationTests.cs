using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>
/// Which VSTest integration a given .NET SDK gets: Full (the package's copies of the SDK's test targets)
/// only where they were verified, by SDK version or by the hash of Microsoft.TestPlatform.targets.
/// </summary>
public sealed class VSTestIntegrationTests
{
    [Fact]
    public void UsesTheFullIntegrationOnAVerifiedSdkVersionWithoutHashingItsTestTargets()
    {
        var project = Evaluate(("NETCoreSdkVersion", "10.0.401"));

        Assert.Equal("Full", project["_QualityGatesVSTestMode"]);
        Assert.Equal(string.Empty, project["_QualityGatesVSTestTargetsHash"]);
        Assert.Equal("QualityGates.MSBuild.VSTest.targets", project.TargetFile("VSTest"));
        Assert.Equal("QualityGates.MSBuild.VSTest.targets", project.TargetFile("_VSTestConsole"));
        Assert.Equal("QualityGates.MSBuild.VSTest.targets", project.TargetFile("_VSTestMSBuild"));
        // Failed tests are warnings in this mode; -warnaserror must not turn them back into errors.
        Assert.Contains("TESTERROR", project.List("MSBuildWarningsNotAsErrors"));
        Assert.Contains("MSB4181", project.List("MSBuildWarningsNotAsErrors"));
    }

    [Fact]
    public void KeepsTheFullIntegrationOnAnUnlistedSdkWhoseTestTargetsHashToAVerifiedFile()
    {
        // This machine's SDK ships the verified Microsoft.TestPlatform.targets; only its version is unknown here.
        var project = Evaluate(("NETCoreSdkVersion", "10.0.999"));

        Assert.Equal("-939037994", project["_QualityGatesVSTestTargetsHash"]);
        Assert.Equal("true", project["_QualityGatesSdkVerified"]);
        Assert.Equal("Full", project["_QualityGatesVSTestMode"]);
    }

    [Fact]
    public void FallsBackOnAnSdkWhoseTestTargetsDiffer()
    {
        var project = Evaluate(("NETCoreSdkVersion", "99.0.100"), ("_QualityGatesVSTestTargetsHash", "1"));

        Assert.Equal("Fallback", project["_QualityGatesVSTestMode"]);
        Assert.Equal("QualityGates.MSBuild.VSTestFallback.targets", project.TargetFile("VSTest"));
        // The SDK's own test targets stay; the package's TRX goes through the SDK's VSTestLogger.
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("_VSTestConsole"));
        Assert.EndsWith("trx;LogFileName=QualityGates-Probe.Tests-net10.0.trx", Unescape(project["VSTestLogger"]));
        Assert.DoesNotContain("TESTERROR", project.List("MSBuildWarningsNotAsErrors"));
    }

    [Theory]
    [InlineData("10.0.401", "Fallback", "Fallback")]
    [InlineData("99.0.100", "Full", "Full")]
    [InlineData("99.0.100", "Auto", "Fallback")]
    public void FollowsQualityGatesVSTestIntegration(string sdkVersion, string setting, string mode)
    {
        var project = Evaluate(("NETCoreSdkVersion", sdkVersion), ("_QualityGatesVSTestTargetsHash", "1"), ("QualityGatesVSTestIntegration", setting));

        Assert.Equal(mode, project["_QualityGatesVSTestMode"]);
    }

    private static Evaluation Evaluate(params (string Name, string Value)[] properties) =>
        PackageEvaluation.Of(PackageEvaluation.TestProject(), properties.ToDictionary(p => p.Name, p => p.Value));

    private static string Unescape(string value) => value.Replace("%3B", ";", StringComparison.OrdinalIgnoreCase);
}
