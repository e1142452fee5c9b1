using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// The QualityGates.MSBuild package this run packed (as CI packs it: the build of this test run), as
/// nuget.org would take it: its metadata, exactly the intended files, and its own assemblies' symbols.
/// </summary>
public sealed class PackageContentsTests
{
    private const string Tasks = "tasks/net8.0/";
    private const string TestingPlatform = "testing-platform/";

    /// <summary>The builds of the test-platform extension, one per platform range (docs/testing-platform.md).</summary>
    private static readonly string[] ExtensionBuilds = ["mtp1.9", "mtp2.0", "mtp2.4"];

    [Fact]
    public void HoldsExactlyTheBuildFilesTheTaskWithItsRuntimeClosureAndTheTestPlatformExtension()
    {
        using var package = PackedPackage.In(PackageFeed.Shared.FeedDirectory, "QualityGates.MSBuild");

        string[] expected =
        [
            "LICENSE", "README.md", "icon.png",
            // build/ and buildTransitive/ as the repository has them.
            .. RepositoryFiles("build"), .. RepositoryFiles("buildTransitive"),
            // The task, and everything its deps.json says it loads (the engine among them, once), no .xml or .pdb.
            Tasks + "QualityGates.MSBuild.dll", .. package.RuntimeClosure(Tasks, "QualityGates.MSBuild.deps.json"),
            // The test-platform extension's builds; they use the engine from tasks/net8.0/.
            .. ExtensionBuilds.Select(b => TestingPlatform + b + "/QualityGates.Testing.Platform.dll"),
        ];

        Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), package.Files);
        Assert.Contains(Tasks + "QualityGates.Core.dll", package.Files);
    }

    [Fact]
    public void IsReadyForNuGetOrgWithSymbolsEmbeddedAndSourcesLinked()
    {
        using var package = PackedPackage.In(PackageFeed.Shared.FeedDirectory, "QualityGates.MSBuild");

        Assert.Equal("QualityGates.MSBuild", package.Meta("id"));
        Assert.Equal(PackageFeed.Shared.Version, package.Meta("version"));
        Assert.Equal("true", package.Meta("developmentDependency"));
        Assert.Contains("msbuild", package.Meta("tags")!.Split(' '));
        // A tasks-only development dependency: nothing flows into the consumer's dependencies.
        Assert.Null(package.Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Empty(package.ProblemsForNuGetOrg([Tasks + "QualityGates.MSBuild.dll", Tasks + "QualityGates.Core.dll", .. ExtensionBuilds.Select(b => TestingPlatform + b + "/QualityGates.Testing.Platform.dll")]));
    }

    private static IEnumerable<string> RepositoryFiles(string folder) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'));
}
