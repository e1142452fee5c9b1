using System.Text.RegularExpressions;

namespace QualityGates.Inputs.Security;

/// <summary>
/// CVE and GHSA identifiers in the fields scanners use to name the same advisory under another id
/// (so a waiver of one matches the other). Only these two kinds are aliases: a vendor advisory (DSA, RHSA, USN) covers several CVEs,
/// so merging on it would count distinct advisories once.
/// </summary>
internal static partial class AdvisoryIds
{
    /// <summary>True for <c>CVE-yyyy-nnnn…</c> and <c>GHSA-xxxx-xxxx-xxxx</c> (GitHub's advisory id alphabet), ignoring case.</summary>
    public static bool IsAdvisoryId(string id) => Whole().IsMatch(id);

    /// <summary>The ids in <paramref name="text"/> (a rule id, a tag), upper case.</summary>
    public static IEnumerable<string> In(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Anywhere().Matches(text).Select(m => m.Value.ToUpperInvariant());

    /// <summary>
    /// The id an advisory page's address names: <c>github.com/advisories/GHSA-…</c>,
    /// <c>nvd.nist.gov/vuln/detail/CVE-…</c>, <c>cve.mitre.org/…?name=CVE-…</c>, <c>cve.org/CVERecord?id=CVE-…</c>.
    /// Other references (blogs, fixes) may mention related advisories and are not read.
    /// </summary>
    public static string? OfAdvisoryPage(string url)
    {
        var match = AdvisoryPage().Match(url);
        return match.Success ? match.Groups["id"].Value.ToUpperInvariant() : null;
    }

    private const string Pattern = @"CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}";

    [GeneratedRegex("^(?:" + Pattern + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:" + Pattern + @")(?![0-9A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anywhere();

    [GeneratedRegex(@"^https?://(?:www\.)?(?:github\.com/advisories/|nvd\.nist\.gov/vuln/detail/|cve\.mitre\.org/cgi-bin/cvename\.cgi\?name=|cve\.org/CVERecord\?id=)(?<id>" + Pattern + @")/?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvisoryPage();
}
