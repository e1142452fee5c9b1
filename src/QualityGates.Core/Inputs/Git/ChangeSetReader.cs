using QualityGates.Configuration.Settings;
using QualityGates.Errors;

namespace QualityGates.Inputs.Git;

/// <summary>What a change is compared as: the working tree (committed and uncommitted changes, untracked files) or HEAD (commits only).</summary>
internal enum NewCodeDiff
{
    WorkingTree,
    Head,
}

/// <summary>
/// Finds the change a run judges: the base ref (given; else the pull request's target branch from the CI
/// server; else the default branch), its merge base with HEAD, and the lines added or modified since,
/// from <c>git diff --unified=0 -M</c> (renames detected, so a moved file's old lines are not new), as
/// the compiler numbers lines (<see cref="SourceLines"/>). Whatever git shows differently never shrinks
/// the change silently: a changed source file whose lines cannot be read is <see cref="ChangeSet.Unreadable"/>.
/// </summary>
internal sealed class ChangeSetReader
{
    /// <summary>
    /// The CI variables that name a pull request's target branch, in the order they are read: GitHub
    /// Actions (<c>main</c>), Azure Pipelines (<c>refs/heads/main</c>), GitLab merge request pipelines
    /// and Jenkins multibranch change requests (<c>main</c>).
    /// </summary>
    internal static readonly IReadOnlyList<string> TargetBranchVariables =
        ["GITHUB_BASE_REF", "SYSTEM_PULLREQUEST_TARGETBRANCH", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CHANGE_TARGET"];

    private readonly GitCommand _git;
    private readonly Func<string, string?> _environment;
    private readonly SettingNames _names;

    public ChangeSetReader(string workTree, Func<string, string?> environment, string gitProgram = "git", SettingNames? names = null)
    {
        _names = names ?? SettingNames.For(Adapter.MSBuild);
        _git = new GitCommand(workTree, gitProgram, _names);
        _environment = environment;
        WorkTree = workTree;
    }

    private string WorkTree { get; }

    /// <summary>Reads the change against <paramref name="baseRef"/> (null or blank: from the CI server, else the default branch).</summary>
    /// <exception cref="QualityGatesException">QG1018 (no git, not a work tree), QG1019 (base ref not in the clone), QG1017 (no merge base: a shallow clone or unrelated histories).</exception>
    public ChangeSet Read(string? baseRef, string baseRefSetting, NewCodeDiff diff)
    {
        var top = _git.Run("rev-parse", "--show-toplevel");
        if (top.ExitCode != 0)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"New-code coverage compares the change with its base branch, but '{WorkTree}' is not inside a git work tree ({GitCommand.FirstLine(top.Error)}); run it in a clone, or turn it off ({_names.Set(SettingsCatalogue.NewCode, "false")}).");
        }

        if (_git.Run("rev-parse", "--verify", "--quiet", "HEAD^{commit}").ExitCode != 0)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"The git repository at '{top.Output.Trim()}' has no commit yet, so there is no change to compare with a base branch.");
        }

        var (name, source, resolved) = ResolveBaseRef(baseRef, baseRefSetting);
        var mergeBase = _git.Run("merge-base", resolved, "HEAD");
        if (mergeBase.ExitCode != 0 || mergeBase.Output.Trim().Length == 0)
        {
            throw MergeBaseMissing(name, source, resolved);
        }

        var commit = mergeBase.Output.Trim();
        var root = Path.GetFullPath(top.Output.Trim());
        var (files, unreadable) = Diff(commit, diff, root);
        if (diff == NewCodeDiff.WorkingTree)
        {
            AddUntracked(files, unreadable, root);
        }

        return new ChangeSet(resolved, source, commit, _git.Output("rev-parse", "HEAD"), root,
            files.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => (IReadOnlyList<int>)f.Value, StringComparer.Ordinal))
        {
            Unreadable = unreadable.OrderBy(u => u.Path, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// The new lines of each file changed since <paramref name="commit"/>, from the patch, checked against
    /// git's own count of added lines per file (<c>--numstat -z</c>, whose names are exact: no quoting, no
    /// TAB). Every option that user configuration could change is given: no colour, no external diff or
    /// textconv, every file as text (a <c>binary</c> or <c>-diff</c> attribute, a NUL byte), paths from the
    /// top of the clone whatever <c>diff.relative</c> says, fixed <c>a/</c> <c>b/</c> prefixes whatever
    /// <c>diff.noprefix</c> or <c>diff.mnemonicPrefix</c> say, no context between hunks, no order file. A source
    /// file whose lines the patch does not show as git counts them is unreadable, never dropped.
    /// </summary>
    private (Dictionary<string, List<int>> Files, List<UnreadableChange> Unreadable) Diff(string commit, NewCodeDiff diff, string root)
    {
        string[] options = ["--no-color", "--no-ext-diff", "--no-textconv", "--text", "--no-relative", "--ignore-submodules", "-M",
            "--diff-algorithm=default", "-O" + GitCommand.NullDevice, "--src-prefix=a/", "--dst-prefix=b/"];
        string[] range = diff == NewCodeDiff.Head ? [commit, "HEAD", "--"] : [commit, "--"];
        var patch = _git.RawOutput(["diff", .. options, "--unified=0", "--inter-hunk-context=0", .. range]);
        var numstat = _git.RawOutput(["diff", .. options, "--numstat", "-z", .. range]);
        var (files, unreadable) = Reconcile(GitDiffParser.Parse(patch), GitDiffParser.ParseNumstat(numstat));
        foreach (var (path, lines) in files.Where(f => f.Value.Count > 0 && ChangeSet.IsSourceFile(f.Key)).ToList())
        {
            // Lines as the compiler counts them, in the file it compiles.
            var map = SourceLines.Read(Path.Combine(root, path), out var problem);
            if (problem is not null)
            {
                files.Remove(path);
                unreadable.Add(new UnreadableChange(path, lines.Count, problem));
            }
            else if (map is { Identity: false })
            {
                files[path] = lines.SelectMany(map.Of).Distinct().Order().ToList();
            }
        }

        return (files, unreadable);
    }

    /// <summary>
    /// The files of <paramref name="numstat"/> (git's exact names and counts) with the lines the patch showed
    /// for them; a source file the patch shows no lines for where git counts some (or takes it for binary
    /// and shows nothing), or shows another number of, is unreadable. A name the patch shows that git does
    /// not list (a header read wrong) is dropped: its lines are missing from a listed file, which is then unreadable.
    /// </summary>
    internal static (Dictionary<string, List<int>> Files, List<UnreadableChange> Unreadable) Reconcile(
        Dictionary<string, List<int>> shown, IReadOnlyList<(string Path, long? Added)> numstat)
    {
        var files = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unreadable = new List<UnreadableChange>();
        foreach (var (path, added) in numstat)
        {
            var lines = shown.GetValueOrDefault(path);
            if (added is { } count ? (lines?.Count ?? 0) == count : lines is not null)
            {
                // A deleted file, or one with only removed lines, adds no line to show.
                files[path] = lines ?? [];
            }
            else if (ChangeSet.IsSourceFile(path))
            {
                unreadable.Add(new UnreadableChange(path, added ?? 0, added is null
                    ? "git takes it for binary and shows no lines"
                    : $"git counts {added} added lines but its patch shows {lines?.Count ?? 0}"));
            }
        }

        return (files, unreadable);
    }

    private (string Name, string Source, string Resolved) ResolveBaseRef(string? baseRef, string baseRefSetting)
    {
        if (!string.IsNullOrWhiteSpace(baseRef))
        {
            var given = baseRef.Trim();
            return (given, baseRefSetting, FirstExisting([given, "origin/" + given])
                ?? throw BaseRefMissing(given, baseRefSetting, fromCi: false));
        }

        foreach (var variable in TargetBranchVariables)
        {
            if (_environment(variable) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                var branch = value.Trim();
                branch = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;
                return (branch, variable, FirstExisting(["origin/" + branch, branch]) ?? throw BaseRefMissing(branch, variable, fromCi: true));
            }
        }

        var remoteHead = _git.Run("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD");
        var defaultBranch = remoteHead.ExitCode == 0 && remoteHead.Output.Trim().StartsWith("refs/remotes/", StringComparison.Ordinal)
            ? remoteHead.Output.Trim()["refs/remotes/".Length..]
            : null;
        string[] candidates = defaultBranch is null ? ["main", "master", "origin/main", "origin/master"] : [defaultBranch];
        var found = FirstExisting(candidates) ?? throw new QualityGatesException(ErrorCodes.BaseRefNotFound,
            $"New-code coverage found no base branch to compare with: no {baseRefSetting}, no pull request target in the CI environment ({string.Join(", ", TargetBranchVariables)}), and none of {string.Join(", ", candidates)} exists in this clone. Set {baseRefSetting} to the branch the change will merge into, or fetch it: git fetch origin main.");
        return (found, "the default branch", found);
    }

    /// <summary>The first candidate that names a commit. One that starts with '-' is no ref name, and would reach git as an option: it is never tried.</summary>
    private string? FirstExisting(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c => !c.StartsWith('-') && _git.Run("rev-parse", "--verify", "--quiet", c + "^{commit}").ExitCode == 0);

    private static QualityGatesException BaseRefMissing(string name, string source, bool fromCi)
    {
        var branch = name.StartsWith("origin/", StringComparison.Ordinal) ? name["origin/".Length..] : name;
        return new QualityGatesException(ErrorCodes.BaseRefNotFound,
            $"The base ref '{name}' ({(fromCi ? "the pull request's target branch from " : "from ")}{source}) is not in this clone, so the change cannot be compared with it. Fetch it before the tests: git fetch --no-tags origin {branch}:refs/remotes/origin/{branch} (with actions/checkout, set fetch-depth: 0).");
    }

    private QualityGatesException MergeBaseMissing(string name, string source, string resolved)
    {
        var shallow = _git.Run("rev-parse", "--is-shallow-repository").Output.Trim() == "true";
        var branch = name.StartsWith("origin/", StringComparison.Ordinal) ? name["origin/".Length..] : name;
        return new QualityGatesException(ErrorCodes.MergeBaseNotFound, shallow
            ? $"No merge base between HEAD and '{resolved}' (from {source}): this is a shallow clone, so the commit where the change left '{resolved}' was never fetched, and new-code coverage cannot tell which lines are new. Fetch the history before the tests: git fetch --unshallow origin (or git fetch --deepen=200 origin {branch}), or with actions/checkout set fetch-depth: 0; in Azure Pipelines set fetchDepth: 0 on the checkout step."
            : $"No merge base between HEAD and '{resolved}' (from {source}): the two histories share no commit, so new-code coverage cannot tell which lines are new. Name the branch the change will merge into ({_names.Of(SettingsCatalogue.BaseRef)}).");
    }

    /// <summary>
    /// Every line of each untracked, not ignored source file is new (<c>git ls-files --others
    /// --exclude-standard</c>), counted as the compiler counts them. Other untracked files (a <c>run.log</c>
    /// the tests were redirected to, a scratch note) are no change a coverage report could judge, so they
    /// are left out. One that is no regular file (a FIFO, a link to a device) is never opened: it is unreadable.
    /// </summary>
    private void AddUntracked(Dictionary<string, List<int>> files, List<UnreadableChange> unreadable, string root)
    {
        foreach (var path in _git.RawOutput("ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ChangeSet.IsSourceFile(path) || files.ContainsKey(path))
            {
                continue;
            }

            var lines = SourceLines.Read(Path.Combine(root, path), out var problem);
            if (problem is not null)
            {
                unreadable.Add(new UnreadableChange(path, 0, problem));
            }
            else if (lines is { Count: > 0 })
            {
                files[path] = Enumerable.Range(1, lines.Count).ToList();
            }
        }
    }
}
