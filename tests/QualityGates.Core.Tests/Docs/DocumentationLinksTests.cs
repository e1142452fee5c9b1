using QualityGates.Errors;

namespace QualityGates.Tests.Docs;

/// <summary>Messages cite the docs by URL, built from the repository address of Directory.Build.props, and the pages exist.</summary>
public class DocumentationLinksTests
{
    [Theory]
    [InlineData("solution.md")]
    [InlineData("inputs-json.md")]
    public void PointsAtTheDocsPageInTheRepository(string page)
    {
        Assert.Equal(PackedPackage.RepositoryUrl + "/blob/main/docs/" + page, DocumentationLinks.Page(page));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", page)));
    }
}
