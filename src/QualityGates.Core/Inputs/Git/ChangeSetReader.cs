using QualityGates.Configuration.Settings;
using QualityGates.Errors;

namespace QualityGates.Inputs.Git;

/// <summary>What a change is compared as: the working tree (committed and uncommitted changes, untracked files) or HEAD (commits only).</summary>
public enum NewCodeDiff
{
    WorkingTree,
    Head,
}

/// <summary>
/// Finds the change a run judges: the base ref (given; else the pull request's target branch from the CI
/// server; else the default branch), its merge base with HEAD, and the lines added or modified since,
/// from <c>git diff --unified=0 -M</c> (renames detected, so a moved file's old lines are not new).
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

    private const long MaxUntrackedFileBytes = 4 * 1024 * 1024;
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
        string[] arguments = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--ignore-submodules", "--unified=0", "-M",
            "--src-prefix=a/", "--dst-prefix=b/", commit];
        var files = GitDiffParser.Parse(_git.Output(diff == NewCodeDiff.Head ? [.. arguments, "HEAD"] : arguments));
        var root = Path.GetFullPath(top.Output.Trim());
        if (diff == NewCodeDiff.WorkingTree)
        {
            AddUntracked(files, root);
        }

        return new ChangeSet(resolved, source, commit, _git.Output("rev-parse", "HEAD"), root,
            files.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => (IReadOnlyList<int>)f.Value, StringComparer.Ordinal));
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

    private string? FirstExisting(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c => _git.Run("rev-parse", "--verify", "--quiet", c + "^{commit}").ExitCode == 0);

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
    /// --exclude-standard</c>). Other untracked files (a <c>run.log</c> the tests were redirected to, a
    /// scratch note) are no change a coverage report could judge, so they are left out.
    /// </summary>
    private void AddUntracked(Dictionary<string, List<int>> files, string root)
    {
        foreach (var path in _git.Output("ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(root, path);
            var info = new FileInfo(full);
            if (!ChangeSet.IsSourceFile(path) || !info.Exists || info.Length > MaxUntrackedFileBytes || files.ContainsKey(path))
            {
                continue;
            }

            var count = CountLines(full);
            if (count > 0)
            {
                files[path] = Enumerable.Range(1, count).ToList();
            }
        }
    }

    private static int CountLines(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0 || Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return 0;
            }

            var lines = bytes.Count(b => b == (byte)'\n');
            return bytes[^1] == (byte)'\n' ? lines : lines + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
