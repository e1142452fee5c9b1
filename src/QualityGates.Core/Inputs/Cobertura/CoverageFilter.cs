using System.Text.RegularExpressions;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Which code the coverage figure counts: assemblies (Cobertura <c>&lt;package name&gt;</c>, which
/// coverlet and Microsoft Code Coverage set to the assembly name) and source files, each by include and
/// exclude patterns. Assembly patterns take <c>*</c> and <c>?</c> and ignore case; file patterns are
/// globs (<c>**</c> for any folders) matched against the file's path with '/' separators, and a pattern
/// that does not start at a root matches at any depth (<c>**/Generated/*.cs</c> = <c>Generated/*.cs</c>).
/// An empty include list includes everything; an exclude always wins.
/// </summary>
internal sealed record CoverageFilter
{
    /// <summary>No filter: every assembly and file counts.</summary>
    public static CoverageFilter None { get; } = new();

    public IReadOnlyList<string> IncludeAssemblies { get; init; } = [];
    public IReadOnlyList<string> ExcludeAssemblies { get; init; } = [];
    public IReadOnlyList<string> IncludeFiles { get; init; } = [];
    public IReadOnlyList<string> ExcludeFiles { get; init; } = [];

    public bool IsEmpty => IncludeAssemblies.Count == 0 && ExcludeAssemblies.Count == 0 && IncludeFiles.Count == 0 && ExcludeFiles.Count == 0;

    /// <summary>The rules as a person reads them, e.g. "exclude assemblies Lib.Tests", for reports.</summary>
    public IReadOnlyList<string> Describe() =>
        new[]
        {
            Rule("include assemblies", IncludeAssemblies), Rule("exclude assemblies", ExcludeAssemblies),
            Rule("include files", IncludeFiles), Rule("exclude files", ExcludeFiles),
        }.OfType<string>().ToList();

    /// <summary>Compiles the patterns once for a read.</summary>
    internal Matcher Compile() => new(
        IncludeAssemblies.Select(Assembly).ToList(), ExcludeAssemblies.Select(Assembly).ToList(),
        IncludeFiles.Select(File).ToList(), ExcludeFiles.Select(File).ToList());

    private static string? Rule(string what, IReadOnlyList<string> patterns) =>
        patterns.Count == 0 ? null : what + " " + string.Join(", ", patterns);

    private static Regex Assembly(string pattern) => FilePatterns.ToRegex(pattern.Trim().Replace("/", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    private static Regex File(string pattern)
    {
        var glob = pattern.Trim().Replace('\\', '/');
        var rooted = glob.StartsWith('/') || glob.StartsWith("**", StringComparison.Ordinal) || (glob.Length > 1 && glob[1] == ':');
        return FilePatterns.ToRegex(rooted ? glob : "**/" + glob, ignoreCase: OperatingSystem.IsWindows());
    }

    /// <summary>The compiled patterns of one filter.</summary>
    internal sealed class Matcher(List<Regex> includeAssemblies, List<Regex> excludeAssemblies, List<Regex> includeFiles, List<Regex> excludeFiles)
    {
        public bool KeepsAssembly(string name) =>
            (includeAssemblies.Count == 0 || includeAssemblies.Any(r => r.IsMatch(name))) && !excludeAssemblies.Any(r => r.IsMatch(name));

        public bool KeepsFile(string path)
        {
            var normalized = path.Replace('\\', '/');
            return (includeFiles.Count == 0 || includeFiles.Any(r => r.IsMatch(normalized))) && !excludeFiles.Any(r => r.IsMatch(normalized));
        }
    }
}
