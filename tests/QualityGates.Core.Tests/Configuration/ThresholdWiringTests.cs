using QualityGates.Configuration;

namespace QualityGates.Tests.Configuration;

/// <summary>
/// Every threshold of the catalog reaches the engine from MSBuild: a default in the props, a
/// <c>_QualityGatesThreshold</c> item for the VSTest-mode task, and a line of the test-platform settings file.
/// </summary>
public sealed class ThresholdWiringTests
{
    private static string Build(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", file));

    public static TheoryData<string> Thresholds() => [.. ThresholdCatalog.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void EachThresholdHasAPropertyATaskItemAndASettingsLine(string name)
    {
        Assert.Contains($"<QualityGates{name} Condition=\"'$(QualityGates{name})' == ''\">", Build("QualityGates.MSBuild.props"));
        Assert.Contains($"<_QualityGatesThreshold Include=\"{name}\" Value=\"$(QualityGates{name})\" />", Build("QualityGates.MSBuild.targets"));
        Assert.Contains($"<_QualityGatesSetting Include=\"QualityGates{name}=$([MSBuild]::Escape('$(QualityGates{name})'))\" />", Build("QualityGates.MSBuild.TestingPlatform.targets"));
    }
}
