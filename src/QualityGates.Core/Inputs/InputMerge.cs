using System.Globalization;
using System.Text;

namespace QualityGates.Inputs;

/// <summary>
/// How many files of one kind a run merged and from which folders: what a person checks first when a
/// gate judges the downloaded artifacts of many CI jobs (did every shard's file arrive? was one counted
/// twice?). Derived from the run's <see cref="InputFileRead"/> rows, so it always agrees with them.
/// </summary>
/// <param name="Kind">The kind of file (<c>TRX</c>, <c>Cobertura</c>), as in <see cref="InputFileRead.Kind"/>.</param>
/// <param name="Files">Files of this kind read.</param>
/// <param name="Copies">Of those, copies of a file read earlier (<see cref="InputFileRead.SameAs"/>), which added nothing.</param>
/// <param name="Folders">The folders the files came from (each file's own folder, as shown in the rows), in the order first met, with their file counts.</param>
internal sealed record InputMerge(string Kind, int Files, int Copies, IReadOnlyList<FolderFiles> Folders)
{
    /// <summary>The kinds that are merged when given several times; each with more than one file read gets an <see cref="InputMerge"/>.</summary>
    public static IReadOnlyList<string> MergedKinds { get; } = ["TRX", "Cobertura"];

    /// <summary>One entry per merged kind with more than one file in <paramref name="files"/>, in <see cref="MergedKinds"/> order.</summary>
    public static IReadOnlyList<InputMerge> Of(IReadOnlyList<InputFileRead> files) => MergedKinds
        .Select(kind => files.Where(f => f.Kind == kind).ToList())
        .Where(group => group.Count > 1)
        .Select(group => new InputMerge(
            group[0].Kind,
            group.Count,
            group.Count(f => f.SameAs is not null),
            group.GroupBy(f => FolderOf(f.Path), StringComparer.Ordinal).Select(g => new FolderFiles(g.Key, g.Count())).ToList()))
        .ToList();

    /// <summary>
    /// In words: <c>4 TRX files (1 copy of an earlier file, counted once) from 4 folders: artifacts/shard-1 (1), …</c>.
    /// </summary>
    public string Description
    {
        get
        {
            var text = new StringBuilder(Count(Files, Kind + " file"));
            if (Copies > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({Copies} {(Copies == 1 ? "copy" : "copies")} of an earlier file, counted once)");
            }

            return text.Append(" from ").Append(Count(Folders.Count, "folder")).Append(": ")
                .AppendJoin(", ", Folders.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Folder} ({f.Files})")))
                .ToString();
        }
    }

    private static string FolderOf(string path)
    {
        var folder = Path.GetDirectoryName(path);
        return string.IsNullOrEmpty(folder) ? "." : folder.Replace('\\', '/');
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}

/// <summary>A folder input files came from and how many of them (<see cref="InputMerge.Folders"/>).</summary>
internal sealed record FolderFiles(string Folder, int Files);
