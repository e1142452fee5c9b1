using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>Microsoft.Testing.Platform test applications get the extension, never the VSTest integration.</summary>
public sealed class TestingPlatformTests
{
    // Any existing file: the targets only check that the extension assembly is there.
    private static readonly Dictionary<string, string> Extension = new() { ["QualityGatesTestingPlatformAssembly"] = typeof(TestingPlatformTests).Assembly.Location };

    [Fact]
    public void RegistersTheExtensionInATestingPlatformApplicationWithoutIsTestProject()
    {
        // xunit.v3's shape: IsTestingPlatformApplication from its props, no Microsoft.NET.Test.Sdk.
        var project = PackageEvaluation.Of(ProjectBuilder.Sdk().Property("TargetFramework", "net10.0").Property("IsTestingPlatformApplication", "true"), Extension);

        Assert.Equal("true", project["_QualityGatesActive"]);
        Assert.Equal("None", project["_QualityGatesVSTestMode"]);
        Assert.Equal("Microsoft.TestPlatform.targets", project.TargetFile("VSTest"));
        Assert.Equal(string.Empty, project["VSTestLogger"]);
        Assert.Equal(["QualityGates.Testing.Platform"], project.Items("TestingPlatformBuilderHook"));
        Assert.Contains(Extension["QualityGatesTestingPlatformAssembly"], project.Items("Reference"));
        // The engine is copied to qualitygates/, never referenced: its types stay out of the user's compiler.
        Assert.DoesNotContain(project.Items("Reference"), r => r.Contains("QualityGates.Core", StringComparison.Ordinal));
        Assert.Equal("true", project["UseMicrosoftTestingPlatformRunner"]);
    }

    [Fact]
    public void RegistersNothingInAVSTestProjectOrWhenDisabled()
    {
        var vstest = PackageEvaluation.Of(PackageEvaluation.TestProject(), Extension);
        var disabled = PackageEvaluation.Of(ProjectBuilder.Sdk().Property("TargetFramework", "net10.0").Property("IsTestingPlatformApplication", "true"),
            new Dictionary<string, string>(Extension) { ["QualityGatesEnabled"] = "false" });

        Assert.Empty(vstest.Items("TestingPlatformBuilderHook"));
        Assert.Empty(disabled.Items("TestingPlatformBuilderHook"));
        Assert.Equal(string.Empty, disabled["UseMicrosoftTestingPlatformRunner"]);
    }
}
