using System.Buffers;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Registry;

/// <summary>
/// Maps a model name to its registry file, <c>&lt;folder&gt;/&lt;name&gt;.jsonl</c>. The name has passed
/// <see cref="ModelIdentity"/>'s rules (no separators, <c>..</c> or control characters); here it must
/// also be a file name on every OS the registry folder may be shared with, and the result is checked
/// to lie directly in the folder, so no name can reach outside it.
/// </summary>
internal static class RegistryPaths
{
    public const string Extension = ".jsonl";

    // Windows refuses these in file names; a registry on a share must work from Windows agents too.
    private static readonly SearchValues<char> ForbiddenOnWindows = SearchValues.Create("<>:\"|?*/\\");

    private static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(0, 10).SelectMany(i => new[] { "COM" + i, "LPT" + i }), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The full path of the registry file of model <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static string FileFor(string folder, string name)
    {
        CheckName(name);
        var fullFolder = Path.GetFullPath(folder);
        var file = Path.GetFullPath(Path.Combine(fullFolder, name + Extension));
        if (!string.Equals(Path.GetDirectoryName(file), Path.TrimEndingDirectorySeparator(fullFolder), StringComparison.Ordinal))
        {
            throw new QualityGatesException(ErrorCodes.RegistryNameNotAllowed,
                $"The model name '{name}' would place its registry file outside the registry folder '{fullFolder}'.");
        }

        return file;
    }

    /// <summary>
    /// Throws QG3004 for a name that cannot be a file name on every OS. A database registry checks names
    /// the same way, so any registry can be copied into a folder.
    /// </summary>
    public static void CheckName(string name)
    {
        var problem = FileNameProblem(name);
        if (problem is not null)
        {
            throw new QualityGatesException(ErrorCodes.RegistryNameNotAllowed,
                $"The model name '{name}' cannot be used in the registry: it {problem}.");
        }
    }

    private static string? FileNameProblem(string name)
    {
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            return "is empty or contains '..' or a control character";
        }

        if (name.AsSpan().IndexOfAny(ForbiddenOnWindows) >= 0)
        {
            return "contains one of < > : \" | ? * / \\, which Windows does not allow in file names";
        }

        if (name.EndsWith('.') || name.EndsWith(' ') || name.StartsWith(' '))
        {
            return "starts or ends with a space, or ends with a dot, which Windows drops from file names";
        }

        var stem = name.Split('.')[0].TrimEnd(' ');
        return DeviceNames.Contains(stem) ? $"is the Windows device name {stem.ToUpperInvariant()}" : null;
    }
}
