namespace QualityGates.Tests.Docs;

/// <summary>Every relative link of the README, CONTRIBUTING.md and docs/*.md lands on a file that exists and, with an anchor, on one of its headings.</summary>
public sealed class MarkdownLinksTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
            .Prepend(Path.Combine(RepositoryPaths.Root, "CONTRIBUTING.md"))
            .Prepend(Path.Combine(RepositoryPaths.Root, "README.md"))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLinkLands(string document)
    {
        var path = Path.Combine(RepositoryPaths.Root, document);
        var broken = MarkdownDocument.RelativeLinks(File.ReadAllText(path)).Where(link => !Lands(path, link)).ToList();

        Assert.True(broken.Count == 0, $"{document} links to {string.Join(", ", broken)}, which does not exist.");
    }

    private static bool Lands(string from, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? link : link[..hash];
        var target = file.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, file));
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return false;
        }

        return hash < 0 || MarkdownDocument.Anchors(File.ReadAllText(target)).Contains(link[(hash + 1)..]);
    }
}
