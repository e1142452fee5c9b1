using System.Text;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Turns a Cobertura <c>&lt;source&gt;</c> and a class <c>filename</c> into one path, the same for the
/// same file whichever producer or machine wrote it: coverlet writes a source folder plus relative
/// names, Microsoft Code Coverage absolute names and no source, Windows producers backslashes.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="System.IO.Path"/> for the joining: a report written on Windows is read on Linux and the
/// other way round, so rooting and separators must not depend on the machine that reads.
/// </remarks>
internal static class SourcePath
{
    /// <summary>
    /// The path of <paramref name="filename"/> under the <c>&lt;source&gt;</c> roots of its report: an absolute
    /// name stands alone; a relative one joins the root under which the file exists on this machine, else the
    /// first root (coverlet writes one root per drive and each name relative to the root it starts with, which
    /// the file does not record; see <see cref="SourceFileIdentity"/> for how a wrong guess still merges).
    /// </summary>
    public static string Resolve(IReadOnlyList<string> sources, string filename)
    {
        if (sources.Count > 1 && !IsRooted(filename))
        {
            foreach (var source in sources)
            {
                if (File.Exists(Path.Combine(source, filename.Replace('\\', '/'))))
                {
                    return Combine(source, filename);
                }
            }
        }

        return Combine(sources.Count > 0 ? sources[0] : null, filename);
    }

    public static string Combine(string? source, string filename)
    {
        if (IsRooted(filename) || string.IsNullOrWhiteSpace(source))
        {
            return Normalize(filename);
        }

        return Normalize(source.Trim() + "/" + filename);
    }

    /// <summary>True for <c>/x</c>, <c>\x</c> and <c>C:\x</c> or <c>C:/x</c>.</summary>
    public static bool IsRooted(string path) =>
        path.Length > 0 && (path[0] is '/' or '\\' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'));

    /// <summary>Forward slashes, no empty or <c>.</c> segments, <c>..</c> folded, upper-case drive letter.</summary>
    public static string Normalize(string path)
    {
        var unc = path.StartsWith(@"\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal);
        var rooted = IsRooted(path);
        var segments = new List<string>();
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != ".." && !IsDrive(segments[^1]))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count > 0 && IsDrive(segments[0]))
        {
            segments[0] = char.ToUpperInvariant(segments[0][0]) + ":";
        }

        var builder = new StringBuilder(path.Length);
        if (unc)
        {
            builder.Append("//");
        }
        else if (rooted && (segments.Count == 0 || !IsDrive(segments[0])))
        {
            builder.Append('/');
        }

        builder.AppendJoin('/', segments);
        return builder.ToString();
    }

    private static bool IsDrive(string segment) => segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':';
}
