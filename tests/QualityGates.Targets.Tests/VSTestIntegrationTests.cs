using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>
/// Which VSTest integration a .NET SDK gets, decided by its Microsoft.TestPlatform.targets: Full (the
/// package's copies of the SDK's test targets) on every verified version of the file, from SDK 8.0.100
/// to 10.0.4xx; the fallback, which copies nothing, on any other file; Minimal where even the fallback's
/// one SDK target is missing.
/// </summary>
public sealed class VSTestIntegrationTests
{
    private const string Full = "QualityGates.MSBuild.VSTest.targets";

    [Theory]
    [MemberData(nameof(SdkTestTargets.Verified), MemberType = typeof(SdkTestTargets))]
    public void UsesTheFullIntegrationWithEveryVerifiedVersionOfTheSdksTestTargets(string vstest, string sdk, string targetsVersion)
    {
        var project = SdkTestTargets.Evaluate(SdkTestTargets.File(vstest), ("NETCoreSdkVersion", sdk));

        // The SDK imported this version's file, and the package recognised that very file.
        Assert.Equal(SdkTestTargets.File(vstest), project.TargetPath("ShowInfoMessageIfProjectHasNoIsTestProjectProperty"));
        Assert.Equal(SdkTestTargets.File(vstest), project["_QualityGatesVSTestTargetsFile"]);
        Assert.Equal(targetsVersion, project["_QualityGatesVSTestTargetsVersion"]);
        Assert.Equal("Full", project["_QualityGatesVSTestMode"]);
        Assert.Equal(Full, project.TargetFile("VSTest"));
        Assert.Equal(Full, project.TargetFile("_VSTestConsole"));
        Assert.Equal(Full, project.TargetFile("_VSTestMSBuild"));
        Assert.False(project.Holds(SdkTestTargets.WarningCondition("QG0008")));
        Assert.False(project.Holds(SdkTestTargets.WarningCondition("QG0060")));
        // Failed tests are warnings in this mode; -warnaserror must not turn them back into errors.
        Assert.Contains("TESTERROR", project.List("MSBuildWarningsNotAsErrors"));
        Assert.Contains("MSB4181", project.List("MSBuildWarningsNotAsErrors"));
    }

    [Fact]
    public void UsesTheFullIntegrationWithTheInstalledSdk()
    {
        // No VSTestTargets given: the SDK running these tests imports its own file.
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject());

        Assert.Equal("Full", project["_QualityGatesVSTestMode"]);
        Assert.Equal("17.12", project["_QualityGatesVSTestTargetsVersion"]);
        Assert.Equal("Microsoft.TestPlatform.targets", Path.GetFileName(project["_QualityGatesVSTestTargetsFile"]));
    }

    [Fact]
    public void RecognisesAVerifiedFileWhateverItsLineEndingsIndentationAndByteOrderMark()
    {
        using var folder = new TempDirectory();
        var text = File.ReadAllText(SdkTestTargets.File("18.7.0"));
        var windows = folder.Write("Microsoft.TestPlatform.targets", "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "\t", StringComparison.Ordinal));

        var original = SdkTestTargets.Evaluate(SdkTestTargets.File("18.7.0"));
        var project = SdkTestTargets.Evaluate(windows);

        Assert.Equal(original["_QualityGatesVSTestTargetsHash"], project["_QualityGatesVSTestTargetsHash"]);
        Assert.Equal("Full", project["_QualityGatesVSTestMode"]);
    }

    [Theory]
    // The choice between the console and the MSBuild path changes (as in vstest's unreleased work on its VSTest target).
    [InlineData("$(_MSBUILDTLENABLED) == '0' OR ", "")]
    // A parameter the SDK passes to its test task: a copy without it would silently lose it.
    [InlineData("VSTestNoLogo=\"$(VSTestNoLogo)\"", "VSTestNoLogo=\"$(VSTestNoLogo)\" VSTestArtifactsDirectory=\"$(VSTestArtifactsDirectory)\"")]
    public void FallsBackWithAWarningWhenTheSdksTestTargetsChangeInAnyWay(string from, string to)
    {
        using var folder = new TempDirectory();
        var project = SdkTestTargets.Evaluate(Changed(folder, "18.7.0", from, to));

        Assert.Equal("Fallback", project["_QualityGatesVSTestMode"]);
        Assert.Equal(string.Empty, project["_QualityGatesVSTestTargetsVersion"]);
        Assert.Equal("QualityGates.MSBuild.VSTestFallback.targets", project.TargetFile("VSTest"));
        // The SDK's own test targets stay; the package's TRX goes through the SDK's VSTestLogger.
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("_VSTestConsole"));
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("_VSTestMSBuild"));
        AssertTheSdksTaskRunsWithThePackagesTrxAndWarns(project, "QG0008");
    }

    [Fact]
    public void OnlyHooksAroundTheSdksVSTestWhenAnUnknownFileHasNoConsoleTarget()
    {
        using var folder = new TempDirectory();
        // vstest 17.8's file ran the test task in VSTest itself; changed, it is unknown, and has no _VSTestConsole.
        var project = SdkTestTargets.Evaluate(Changed(folder, "17.8.0", "</Project>", "<!-- a later edit --></Project>"));

        Assert.Equal("Minimal", project["_QualityGatesVSTestMode"]);
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("VSTest"));
        Assert.Equal("QualityGates.MSBuild.targets", project.TargetFile("_QualityGatesBeforeVSTest"));
        Assert.Equal("QualityGates.MSBuild.targets", project.TargetFile("_QualityGatesAfterVSTest"));
        AssertTheSdksTaskRunsWithThePackagesTrxAndWarns(project, "QG0060");
    }

    [Theory]
    [InlineData(false, "Fallback", "Fallback")]
    [InlineData(true, "Full", "Full")]
    [InlineData(true, "Auto", "Fallback")]
    [InlineData(true, "Fallback", "Fallback")]
    public void FollowsQualityGatesVSTestIntegration(bool unknownFile, string setting, string mode)
    {
        using var folder = new TempDirectory();
        var file = unknownFile ? Changed(folder, "18.7.0", "</Project>", "<!-- unknown --></Project>") : SdkTestTargets.File("18.7.0");

        var project = SdkTestTargets.Evaluate(file, ("QualityGatesVSTestIntegration", setting));

        Assert.Equal(mode, project["_QualityGatesVSTestMode"]);
        if (mode == "Full")
        {
            // Full forced on an unknown file: the copies of the newest version.
            Assert.Equal("17.12", project["_QualityGatesVSTestTargetsVersion"]);
        }

        // Only Auto's fallback is warned about; a chosen integration is not.
        Assert.Equal(setting == "Auto", project.Holds(SdkTestTargets.WarningCondition("QG0008")));
    }

    /// <summary>
    /// The SDK's own test task runs (no copy): the package's TRX goes through the SDK's VSTestLogger,
    /// failed tests stay as the SDK logs them, and the one warning <paramref name="code"/> says so.
    /// </summary>
    private static void AssertTheSdksTaskRunsWithThePackagesTrxAndWarns(Evaluation project, string code)
    {
        Assert.EndsWith("trx;LogFileName=QualityGates-Probe.Tests-net10.0.trx", Unescape(project["VSTestLogger"]));
        Assert.DoesNotContain("TESTERROR", project.List("MSBuildWarningsNotAsErrors"));
        // The warning informs; under -warnaserror it must not fail a run the gate passed.
        Assert.Contains(code, project.List("MSBuildWarningsNotAsErrors"));
        Assert.Equal(code == "QG0008", project.Holds(SdkTestTargets.WarningCondition("QG0008")));
        Assert.Equal(code == "QG0060", project.Holds(SdkTestTargets.WarningCondition("QG0060")));
    }

    /// <summary>A copy of a version's file with one edit.</summary>
    private static string Changed(TempDirectory folder, string vstest, string from, string to)
    {
        var text = File.ReadAllText(SdkTestTargets.File(vstest));
        Assert.Contains(from, text);
        return folder.Write(Path.Combine(vstest, "Microsoft.TestPlatform.targets"), text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string Unescape(string value) => value.Replace("%3B", ";", StringComparison.OrdinalIgnoreCase);
}
