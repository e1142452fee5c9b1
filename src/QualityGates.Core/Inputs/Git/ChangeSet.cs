namespace QualityGates.Inputs.Git;

/// <summary>
/// The lines a change added or modified, per repository file: what <c>git diff --unified=0</c> against
/// the merge base reports as new-side lines (a modified line is a removed plus an added line, so it counts
/// as new), plus every line of an untracked file when the working tree is compared. Deleted files and
/// removed lines have no new-side line, so they add nothing.
/// </summary>
/// <param name="BaseRef">The ref compared with (<c>origin/main</c>).</param>
/// <param name="BaseRefSource">Where the ref came from, for messages (<c>QualityGatesBaseRef</c>, <c>GITHUB_BASE_REF</c>, <c>the default branch</c>).</param>
/// <param name="MergeBase">The full commit id of the merge base of HEAD and <paramref name="BaseRef"/>.</param>
/// <param name="RepositoryRoot">The work tree's top folder (full path, this machine's separators).</param>
/// <param name="Files">Repository-relative path ('/' separators) → the new-side line numbers (1-based, ascending).</param>
public sealed record ChangeSet(string BaseRef, string BaseRefSource, string MergeBase, string RepositoryRoot, IReadOnlyDictionary<string, IReadOnlyList<int>> Files);
