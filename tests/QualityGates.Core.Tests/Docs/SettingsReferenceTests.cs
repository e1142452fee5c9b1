using System.Text.RegularExpressions;
using QualityGates.Configuration.Settings;

namespace QualityGates.Tests.Docs;

/// <summary>
/// Every MSBuild property the README and docs/*.md name is a setting of the catalogue (or one of its
/// deprecated names): docs cannot promise a property the package does not read. Items, targets and
/// output properties are known from the package's build files, not the catalogue.
/// </summary>
public sealed partial class SettingsReferenceTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Prepend(Path.Combine(RepositoryPaths.Root, "README.md"))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryPropertyADocumentNamesIsInTheCatalogue(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        var known = Known(text);

        var unknown = Name().Matches(text).Select(m => m.Value).Distinct().Where(n => !known.Contains(n)).ToList();

        Assert.True(unknown.Count == 0, $"{document} names {string.Join(", ", unknown)}, which the settings catalogue does not have.");
    }

    [Fact]
    public void TheReferenceNamesEverySettingInEachOfItsAdapters()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "settings.md"));

        Assert.All(SettingsCatalogue.All, s =>
        {
            foreach (var name in new[] { s.MSBuild, s.Cli, s.TestingPlatform }.OfType<string>())
            {
                Assert.Contains($"`{name}`", reference);
            }
        });
    }

    /// <summary>The catalogue's properties and old names, and the items, targets and outputs the build files (and the document's own examples) define.</summary>
    private static HashSet<string> Known(string document)
    {
        var build = string.Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "build")).Select(File.ReadAllText));
        return
        [
            .. SettingsCatalogue.All.SelectMany(s => s.Aliases.Select(a => a.MSBuild).Prepend(s.MSBuild).Append(s.MSBuildItem)).OfType<string>(),
            .. Defined().Matches(build + document).Select(m => m.Groups[1].Value),
            // The engine's exception type, which docs on reading inputs name.
            "QualityGatesException",
        ];
    }

    // QualityGatesWarn<Name> is a pattern, not a property.
    [GeneratedRegex(@"(?<![\w@(])QualityGates[A-Z][A-Za-z]*(?![\w<])")]
    private static partial Regex Name();

    [GeneratedRegex(@"(?:Target Name=|ItemName=|PropertyName=|@\()""?(QualityGates[A-Za-z]+)")]
    private static partial Regex Defined();
}
