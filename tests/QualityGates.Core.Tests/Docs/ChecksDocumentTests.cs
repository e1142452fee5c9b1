using QualityGates.Configuration;

namespace QualityGates.Tests.Docs;

/// <summary>docs/checks.md's table of contexts and thresholds names every threshold.</summary>
public sealed class ChecksDocumentTests
{
    [Fact]
    public void EveryThresholdHasARow()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "checks.md"));

        Assert.All(ThresholdCatalog.All, d => Assert.Contains($"`{d.SettingName}`", document));
    }
}
