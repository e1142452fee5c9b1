namespace QualityGates.Configuration;

/// <summary>Reads list settings (<c>;</c>-separated MSBuild properties and items, as the task and the test-platform settings file receive them).</summary>
internal static class ListSetting
{
    /// <summary>
    /// The non-empty entries of a list parameter. A list given on the command line as
    /// <c>-p:X=a%3Bb</c> reaches the task as one entry "a;b", so entries are split once more.
    /// </summary>
    public static IReadOnlyList<string> NonEmpty(IEnumerable<string>? values) =>
        values?.SelectMany(v => v.Split(';')).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
