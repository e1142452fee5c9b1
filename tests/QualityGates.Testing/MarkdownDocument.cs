using System.Text.RegularExpressions;

namespace QualityGates.Testing;

/// <summary>What the docs tests read from a Markdown page: its headings' anchors and its relative links.</summary>
public static partial class MarkdownDocument
{
    /// <summary>The anchors GitHub gives the page's headings (code blocks are not skipped: an extra anchor hides no broken link).</summary>
    public static IReadOnlyList<string> Anchors(string text) =>
        [.. Heading().Matches(text).Select(h => Slug(h.Groups[1].Value))];

    /// <summary>The targets of the page's Markdown links that are not web addresses: <c>file.md</c>, <c>file.md#anchor</c>, <c>#anchor</c>.</summary>
    public static IReadOnlyList<string> RelativeLinks(string text) =>
        [.. Link().Matches(text).Select(m => m.Groups[1].Value).Where(l => !l.Contains("://", StringComparison.Ordinal) && !l.StartsWith("mailto:", StringComparison.Ordinal))];

    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    private static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-');

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
