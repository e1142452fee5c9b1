using System.Text.RegularExpressions;

namespace QualityGates.Inputs.Git;

/// <summary>
/// The project that compiles a repository file: the project file (<c>*.csproj</c>, <c>*.fsproj</c>,
/// <c>*.vbproj</c>) in the file's folder or the nearest folder above it inside the clone, as the .NET SDK
/// globs a project's own folder tree. Project files are read once per folder.
/// </summary>
internal sealed partial class OwningProjects(string repositoryRoot)
{
    private static readonly string[] ProjectExtensions = ["*.csproj", "*.fsproj", "*.vbproj"];

    /// <summary>
    /// What marks a test project in its project file: <c>IsTestProject</c> (set by Microsoft.NET.Test.Sdk,
    /// MSTest.Sdk, xunit.v3 and TUnit's build files), the test SDK or platform packages, and the test
    /// frameworks' package names. Coverage tools leave test projects out on purpose (coverlet's default
    /// exclusion of test assemblies), so their files are never expected in a report.
    /// </summary>
    private static readonly string[] TestMarkers =
        ["<IsTestProject>true", "Microsoft.NET.Test.Sdk", "MSTest.Sdk", "Microsoft.Testing.Platform", "\"xunit", "\"NUnit", "\"MSTest", "\"TUnit"];

    private readonly Dictionary<string, Project?> _byFolder = new(StringComparer.Ordinal);

    /// <summary>The project that owns <paramref name="repositoryPath"/> ('/' separators), or null when no project file lies above it in the clone.</summary>
    public Project? Of(string repositoryPath)
    {
        var slash = repositoryPath.LastIndexOf('/');
        return OfFolder(slash < 0 ? string.Empty : repositoryPath[..slash]);
    }

    private Project? OfFolder(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var known))
        {
            return known;
        }

        var full = Path.Combine(repositoryRoot, folder.Replace('/', Path.DirectorySeparatorChar));
        var file = Directory.Exists(full)
            ? ProjectExtensions.SelectMany(pattern => Directory.EnumerateFiles(full, pattern)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        Project? project;
        if (file is not null)
        {
            project = Read(file);
        }
        else if (folder.Length == 0)
        {
            project = null;
        }
        else
        {
            var slash = folder.LastIndexOf('/');
            project = OfFolder(slash < 0 ? string.Empty : folder[..slash]);
        }

        _byFolder[folder] = project;
        return project;
    }

    private static Project Read(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text = string.Empty;
        }

        var assembly = AssemblyNamePattern().Match(text) is { Success: true } match && !match.Groups[1].Value.Contains("$(", StringComparison.Ordinal)
            ? match.Groups[1].Value.Trim()
            : Path.GetFileNameWithoutExtension(file);
        var isTest = TestMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
        return new Project(assembly, isTest);
    }

    [GeneratedRegex(@"<AssemblyName>\s*([^<]+?)\s*</AssemblyName>", RegexOptions.CultureInvariant)]
    private static partial Regex AssemblyNamePattern();
}

/// <summary>A project that compiles changed files: its assembly name (<c>AssemblyName</c>, else the project file's name) and whether it is a test project.</summary>
internal sealed record Project(string AssemblyName, bool IsTest);
