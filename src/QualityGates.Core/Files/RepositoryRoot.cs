namespace QualityGates.Files;

/// <summary>
/// Shows paths the way a person on another machine can read them: relative to the repository root
/// (the nearest folder above that holds <c>.git</c>, a folder in a clone or a file in a worktree), so
/// reports carry no build-machine paths.
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>The repository root at or above <paramref name="start"/>, or null when there is none.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/> with '/' separators, a trailing '/'
    /// kept; a path outside the root (or with no root) keeps only its last two parts after ".../", or
    /// stays whole when <paramref name="abbreviateOutside"/> is false (a console on the same machine).
    /// </summary>
    public static string Display(string path, string? root, bool abbreviateOutside = true)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return path.Replace('\\', '/');
        }

        var trailing = path.EndsWith('/') || path.EndsWith('\\') ? "/" : string.Empty;
        if (root is not null)
        {
            var relative = Path.GetRelativePath(root, path);
            if (relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathFullyQualified(relative))
            {
                return relative == "." ? "./" : relative.Replace('\\', '/').TrimEnd('/') + trailing;
            }
        }

        if (!abbreviateOutside)
        {
            return path;
        }

        var parts = path.Replace('\\', '/').TrimEnd('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 2 ? string.Join('/', parts) + trailing : ".../" + string.Join('/', parts[^2..]) + trailing;
    }
}
