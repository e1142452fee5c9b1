using System.Reflection;

namespace QualityGates.Errors;

/// <summary>
/// Where messages point for more: the repository's docs/ pages, as URLs (a package user has no
/// checkout to open a path in). The address is the build's RepositoryUrl (Directory.Build.props),
/// which the SDK writes into the assembly as RepositoryUrl metadata.
/// </summary>
internal static class DocumentationLinks
{
    private static readonly string Base = RepositoryUrl() + "/blob/main/docs/";

    /// <summary>The URL of a docs page, e.g. <c>Page("solution.md")</c>.</summary>
    public static string Page(string page) => Base + page;

    private static string RepositoryUrl() =>
        typeof(DocumentationLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value?.TrimEnd('/')
        ?? throw new InvalidOperationException("QualityGates.Core was built without RepositoryUrl metadata.");
}
