using QualityGates.Files;

namespace QualityGates.Processes;

/// <summary>
/// Finds the program a bare name (<c>git</c>) stands for on <c>PATH</c>, and nowhere else. .NET's own
/// lookup (<c>new ProcessStartInfo("git")</c>) tries the application's folder and the current folder
/// first, on Linux as on Windows, so an executable <c>git</c> committed at a repository's root would run
/// in place of the real one whenever the tool is started there. Only absolute <c>PATH</c> entries count:
/// an empty or relative entry means the current folder too.
/// </summary>
internal static class ProgramPath
{
    /// <summary>
    /// The full path of <paramref name="program"/>: itself when it is an absolute path; else the first
    /// executable regular file of that name in an absolute folder of <paramref name="pathVariable"/>
    /// (on Windows with <c>.exe</c> added when the name has no extension). Null when there is none, and
    /// for a relative path with a folder in it (<c>./git</c>, <c>tools\git</c>), which would be looked up
    /// from the current folder.
    /// </summary>
    /// <param name="program">A bare program name or an absolute path.</param>
    /// <param name="pathVariable">The value of <c>PATH</c>.</param>
    public static string? Find(string program, string? pathVariable)
    {
        if (string.IsNullOrWhiteSpace(program))
        {
            return null;
        }

        if (Path.IsPathFullyQualified(program))
        {
            return program;
        }

        if (program.IndexOfAny(['/', '\\']) >= 0 || Path.IsPathRooted(program))
        {
            return null;
        }

        var names = OperatingSystem.IsWindows() && !Path.HasExtension(program) ? [program + ".exe"] : new[] { program };
        foreach (var folder in (pathVariable ?? string.Empty).Split(Path.PathSeparator))
        {
            var entry = folder.Trim().Trim('"');
            if (entry.Length == 0 || !Path.IsPathFullyQualified(entry))
            {
                continue;
            }

            foreach (var name in names)
            {
                var candidate = Path.Combine(entry, name);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (FileKinds.OfTarget(path) != FileKind.Regular)
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
