using Xunit.Sdk;

[assembly: TestCollectionOrderer("QualityGates.EndToEnd.Tests.Support.LongestFirst", "QualityGates.EndToEnd.Tests")]

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// Starts the scenario collections with the longest chain of runs first: the shared consumer's (one build,
/// then every scenario in turn), then the Microsoft.Testing.Platform consumer's (the biggest build). With two
/// collections at a time, a long chain that started last would finish alone on an idle core.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [SharedConsumer.Collection, TestingPlatform.TestingPlatformConsumer.Collection];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(First, c.DisplayName) is var i and >= 0 ? i : First.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
