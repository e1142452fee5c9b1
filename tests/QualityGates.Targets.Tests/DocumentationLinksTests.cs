using System.Text.RegularExpressions;
using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>The package's messages point to the repository's docs by URL, and every such link lands on a page and heading that exist.</summary>
public sealed partial class DocumentationLinksTests
{
    [Fact]
    public void PointsMessagesAtTheRepositoryOfDirectoryBuildProps()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject());

        Assert.Equal(PackedPackage.RepositoryUrl + "/blob/main/docs/", project["_QualityGatesDocumentationUrl"]);
    }

    [Fact]
    public void EveryLinkInTheBuildFilesNamesADocsPageAndHeadingThatExist()
    {
        var links = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "build"))
            .SelectMany(file => DocumentationLink().Matches(File.ReadAllText(file)))
            .Select(m => (Page: m.Groups["page"].Value, Anchor: m.Groups["anchor"].Value))
            .ToList();

        Assert.NotEmpty(links);
        foreach (var (page, anchor) in links)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", page));
            var anchors = MarkdownDocument.Anchors(text);
            Assert.True(anchor.Length == 0 || anchors.Contains(anchor), $"docs/{page} has no heading #{anchor}");
        }
    }

    [GeneratedRegex(@"\$\(_QualityGatesDocumentationUrl\)(?<page>[\w.-]+\.md)(#(?<anchor>[\w-]+))?")]
    private static partial Regex DocumentationLink();
}
