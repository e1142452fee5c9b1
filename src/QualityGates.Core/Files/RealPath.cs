namespace QualityGates.Files;

/// <summary>
/// A path's identity: the path with every symbolic link in it resolved (what <c>realpath(3)</c>
/// answers), so that one file reached through two names is counted once. After 40 links, as the
/// Linux kernel's ELOOP limit, the path is taken to loop.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>The resolved full path, or null when a link in it dangles or loops.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Split(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name == ".")
            {
                continue;
            }

            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, name);
            var kind = FileKinds.Of(next);
            if (kind == FileKind.Missing)
            {
                return null;
            }

            if (kind != FileKind.Link)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks || new FileInfo(next).LinkTarget is not { } target)
            {
                return null;
            }

            foreach (var part in Split(target).Reverse())
            {
                pending.Push(part);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(Path.GetFullPath(target))!;
            }
        }

        return current;
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
