namespace QualityGates.Inputs.Git;

/// <summary>
/// The lines a change added or modified, per repository file: what <c>git diff --unified=0</c> against
/// the merge base reports as new-side lines (a modified line is a removed plus an added line, so it counts
/// as new), plus every line of an untracked source file (<see cref="IsSourceFile"/>) when the working tree
/// is compared. Deleted files and removed lines have no new-side line, so they add nothing.
/// </summary>
/// <param name="BaseRef">The ref compared with (<c>origin/main</c>).</param>
/// <param name="BaseRefSource">Where the ref came from, for messages (<c>QualityGatesBaseRef</c>, <c>GITHUB_BASE_REF</c>, <c>the default branch</c>).</param>
/// <param name="MergeBase">The full commit id of the merge base of HEAD and <paramref name="BaseRef"/>.</param>
/// <param name="Head">The full commit id of HEAD; equal to <paramref name="MergeBase"/> when HEAD is the base ref itself or behind it.</param>
/// <param name="RepositoryRoot">The work tree's top folder (full path, this machine's separators).</param>
/// <param name="Files">Repository-relative path ('/' separators) → the new-side line numbers (1-based, ascending), as the compiler counts lines (<see cref="SourceLines"/>).</param>
internal sealed record ChangeSet(string BaseRef, string BaseRefSource, string MergeBase, string Head, string RepositoryRoot, IReadOnlyDictionary<string, IReadOnlyList<int>> Files)
{
    /// <summary>
    /// Changed source files whose new lines could not be read: git showed no lines for them, or fewer than
    /// it counts, or the file is no regular file (a FIFO, a device, a dangling link) or too large. They are
    /// not in <see cref="Files"/>; new-code coverage takes them as code no test run measured, never as no change.
    /// </summary>
    public IReadOnlyList<UnreadableChange> Unreadable { get; init; } = [];

    /// <summary>
    /// The file name endings of source files a .NET coverage tool can name: coverlet and Microsoft Code
    /// Coverage report the documents of an assembly's PDB, which are C#, F# and Visual Basic files and the
    /// Razor files (<c>.razor</c>, <c>.cshtml</c>) whose generated code maps back to them.
    /// </summary>
    public static readonly IReadOnlyList<string> SourceExtensions = [".cs", ".fs", ".vb", ".razor", ".cshtml"];

    /// <summary>Whether <paramref name="path"/> ends in one of <see cref="SourceExtensions"/> (case-insensitive).</summary>
    public static bool IsSourceFile(string path) =>
        SourceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when HEAD is the merge base: no commit on this branch since it left the base ref (HEAD is the base ref or behind it).</summary>
    public bool HeadIsMergeBase => string.Equals(Head, MergeBase, StringComparison.Ordinal);
}

/// <summary>A changed source file whose new lines could not be read.</summary>
/// <param name="Path">Repository-relative path ('/' separators).</param>
/// <param name="Lines">The lines git counts as added (0 when it counts none, as for a file it takes for binary).</param>
/// <param name="Reason">Why, for messages: "git shows it as binary", "a FIFO, socket or device".</param>
internal sealed record UnreadableChange(string Path, long Lines, string Reason);
