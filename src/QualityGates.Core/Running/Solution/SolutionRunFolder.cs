using System.Security.Cryptography;
using System.Text;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Reports;

namespace QualityGates.Running.Solution;

/// <summary>
/// One solution run in the solution's run folder, <c>&lt;solution report folder&gt;/run/</c>. The run is
/// started by the solution's build (<see cref="SolutionRunStart"/>): <c>run/active</c> names it and its owner,
/// <c>run/&lt;run id&gt;/manifest.txt</c> lists its gated test projects. Each project's gate hands in its
/// results as <c>run/&lt;run id&gt;/&lt;project&gt;-&lt;hash&gt;.json</c> under an exclusive lock on
/// <c>run/.lock</c> (FileShare.None: an advisory lock on Linux and macOS). The judge (the solution's build in
/// VSTest mode, the last hand-in under Microsoft.Testing.Platform) takes all hand-ins out under the lock,
/// so exactly one judgement is made, from complete files, and <see cref="Complete"/> ends the run.
/// A project finds its run by the run id the solution's build gave it (VSTest), or as the run in progress
/// whose owner is its own <c>dotnet test</c> (Microsoft.Testing.Platform); never by "whatever run is current".
/// </summary>
internal sealed class SolutionRunFolder
{
    /// <summary>The manifest's file name in the run's folder.</summary>
    public const string ManifestFileName = "manifest.txt";

    /// <summary>The claim's file name in the run folder.</summary>
    public const string ClaimFileName = "active";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    private readonly SolutionRunManifest _manifest;

    internal SolutionRunFolder(string reportFolder, SolutionRunManifest manifest)
    {
        ReportFolder = reportFolder;
        _manifest = manifest;
    }

    /// <summary>The solution's report folder (full path).</summary>
    public string ReportFolder { get; }

    /// <summary>The run folder, <c>&lt;report folder&gt;/run</c>.</summary>
    public string Root => RootOf(ReportFolder);

    /// <summary>This run's own folder, <c>run/&lt;run id&gt;</c>.</summary>
    public string Folder => Path.Combine(Root, RunId);

    /// <summary>The run's id (a new one for each solution run).</summary>
    public string RunId => _manifest.RunId;

    /// <summary>Who judges the run.</summary>
    public SolutionJudge Judge => _manifest.Judge;

    /// <summary>The solution file (full path) as the manifest names it; null when it names none.</summary>
    public string? SolutionFile => _manifest.SolutionFile;

    /// <summary>The solution's name (its file name without extension), else the name of the folder above the report folder.</summary>
    public string SolutionName => NameOf(SolutionFile, ReportFolder);

    /// <summary>The gated test projects of the run (full paths of their project files).</summary>
    public IReadOnlyList<string> Members => _manifest.Members;

    internal static string RootOf(string reportFolder) => Path.Combine(reportFolder, "run");

    internal static string NameOf(string? solutionFile, string reportFolder) => solutionFile is { } file
        ? Path.GetFileNameWithoutExtension(file)
        : Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(reportFolder))) ?? "solution";

    /// <summary>
    /// The run <paramref name="options"/>' project belongs to, or null with <paramref name="notInRun"/> saying
    /// why (the project is then judged alone, warning QG0019). A run file that cannot be read is QG1023.
    /// </summary>
    public static SolutionRunFolder? Find(SolutionOptions options, out string? notInRun)
    {
        notInRun = null;
        if (string.IsNullOrWhiteSpace(options.Directory) || string.IsNullOrWhiteSpace(options.ProjectFile))
        {
            return null;
        }

        var reportFolder = Path.GetFullPath(options.Directory);
        var root = RootOf(reportFolder);
        var key = Key(options.ProjectFile);
        if (!string.IsNullOrWhiteSpace(options.RunId))
        {
            var manifest = Path.Combine(root, options.RunId.Trim(), ManifestFileName);
            if (!SolutionRunText.IsRunId(options.RunId.Trim()) || !File.Exists(manifest))
            {
                notInRun = $"the solution run {options.RunId.Trim()} that started it is not in progress in '{root}'";
                return null;
            }

            var run = new SolutionRunFolder(reportFolder, SolutionRunManifest.Read(manifest));
            notInRun = run.Members.Contains(key, StringComparer.Ordinal) ? null : $"the solution run {run.RunId} does not list it";
            return notInRun is null ? run : null;
        }

        return FindByOwner(reportFolder, key, out notInRun);
    }

    /// <summary>
    /// A test application with no run id (Microsoft.Testing.Platform) belongs to the run in progress only when
    /// that run is judged by its last hand-in and its owner is this application's own <c>dotnet test</c>:
    /// an ancestor of this process where the process tree can be read (Linux), else a process that was
    /// already running when this one started. A second <c>dotnet test</c> of the solution never joins it.
    /// </summary>
    private static SolutionRunFolder? FindByOwner(string reportFolder, string key, out string? notInRun)
    {
        var root = RootOf(reportFolder);
        var claimFile = Path.Combine(root, ClaimFileName);
        if (!File.Exists(claimFile))
        {
            notInRun = File.Exists(Path.Combine(root, ManifestFileName))
                ? $"'{Path.Combine(root, ManifestFileName)}' was written by an older Directory.Solution.targets; replace that file with the one in {DocumentationLinks.Page("solution.md")}"
                : "no solution run is in progress: the solution has no Directory.Solution.targets hook, or, under Microsoft.Testing.Platform, dotnet test --no-build started none";
            return null;
        }

        var claim = SolutionRunClaim.Read(claimFile);
        var manifestFile = Path.Combine(root, claim.RunId, ManifestFileName);
        var manifest = File.Exists(manifestFile) ? SolutionRunManifest.Read(manifestFile) : null;
        notInRun = manifest is null ? $"the solution {claim.Describe()} takes no more hand-ins"
            : manifest.Judge != SolutionJudge.LastHandIn ? $"the solution {claim.Describe()} is judged by its own build and takes hand-ins only from the projects it started"
            : !OwnedByThisProcess(claim) ? $"the solution {claim.Describe()} belongs to another dotnet test"
            : !manifest.Members.Contains(key, StringComparer.Ordinal) ? $"the solution {claim.Describe()} does not list it"
            : null;
        return notInRun is null ? new SolutionRunFolder(reportFolder, manifest!) : null;
    }

    private static bool OwnedByThisProcess(SolutionRunClaim claim) =>
        claim.Owner.IsThisProcessOrAnAncestor()
        ?? (claim.Owner.IsAlive() && SolutionRunOwner.CurrentStartedUtc() >= claim.StartedUtc - TimeSpan.FromSeconds(2));

    /// <summary>
    /// Hands in <paramref name="handIn"/>. When the run is judged by its last hand-in and this one completed it,
    /// the result holds every project's hand-in, in manifest order, taken out of the folder (the caller judges
    /// the solution, then calls <see cref="Complete"/>); otherwise how many of the run's projects have handed in so far.
    /// </summary>
    /// <exception cref="QualityGatesException">QG1023: the folder cannot be written or read, the run ended before this hand-in, or the lock stayed held too long.</exception>
    public (int HandedIn, IReadOnlyList<ProjectHandIn>? All) HandIn(ProjectHandIn handIn) => Locked<(int, IReadOnlyList<ProjectHandIn>?)>($"hand in the results of '{handIn.Name}'", () =>
    {
        if (!File.Exists(Path.Combine(Folder, ManifestFileName)))
        {
            throw new QualityGatesException(ErrorCodes.SolutionRunFileInvalid,
                $"The solution run {RunId} ended before '{handIn.Name}' handed in its results; run dotnet test on the solution again.", Folder);
        }

        AtomicFile.Replace(Path.Combine(Folder, FileName(handIn.ProjectFile)), handIn.ToUtf8());
        var paths = Members.Select(m => Path.Combine(Folder, FileName(m))).ToList();
        var handedIn = paths.Count(File.Exists);
        if (Judge != SolutionJudge.LastHandIn || handedIn < paths.Count)
        {
            return (handedIn, null);
        }

        // Taken out under the lock, with the manifest: a late or repeated hand-in of this run finds it over
        // and never judges the solution a second time from these files.
        return (handedIn, TakeOut(paths));
    });

    /// <summary>
    /// For the solution's build (VSTest), after every project's tests: takes out the hand-ins there are, and
    /// names the members that handed in nothing (a test host that crashed, a build that failed).
    /// </summary>
    /// <exception cref="QualityGatesException">QG1023: a run file cannot be read or the run is over.</exception>
    public (IReadOnlyList<ProjectHandIn> HandedIn, IReadOnlyList<string> Missing) TakeAll() => Locked<(IReadOnlyList<ProjectHandIn>, IReadOnlyList<string>)>("take the hand-ins", () =>
    {
        if (!File.Exists(Path.Combine(Folder, ManifestFileName)))
        {
            throw new QualityGatesException(ErrorCodes.SolutionRunFileInvalid, $"The solution run {RunId} was judged already; run dotnet test on the solution again.", Folder);
        }

        var present = Members.Select(m => (Member: m, Path: Path.Combine(Folder, FileName(m)))).ToList();
        var missing = present.Where(p => !File.Exists(p.Path)).Select(p => Path.GetFileNameWithoutExtension(p.Member)).ToList();
        return (TakeOut(present.Where(p => File.Exists(p.Path)).Select(p => p.Path).ToList()), missing);
    });

    /// <summary>Ends the run: its folder and, when it still names this run, the solution's claim are removed, so the next run may start.</summary>
    public void Complete() => Locked("end the run", () =>
    {
        var claim = Path.Combine(Root, ClaimFileName);
        if (File.Exists(claim) && SolutionRunClaim.Read(claim).RunId == RunId)
        {
            File.Delete(claim);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return 0;
    });

    /// <summary>Rewrites the report files' incomplete marker with why the run ended without a verdict.</summary>
    /// <exception cref="QualityGatesException">QG5001/QG5005: a report file cannot be written.</exception>
    public void MarkIncomplete(string reason, IReadOnlyList<string> missing)
    {
        var claim = Path.Combine(Root, ClaimFileName);
        var started = File.Exists(claim) && SolutionRunClaim.Read(claim) is { } held && held.RunId == RunId ? held.StartedUtc : DateTime.UtcNow;
        new ReportFileSet(ReportFolder).MarkIncomplete(new IncompleteRunReport(SolutionName, SolutionFile, RunId, started, reason, missing));
    }

    /// <summary>A project file's key in the manifest: its full path, with '/' separators.</summary>
    public static string Key(string projectFile) => Path.GetFullPath(projectFile.Trim()).Replace('\\', '/');

    private List<ProjectHandIn> TakeOut(List<string> paths)
    {
        var all = paths.Select(ProjectHandIn.Read).ToList();
        foreach (var path in paths)
        {
            File.Delete(path);
        }

        File.Delete(Path.Combine(Folder, ManifestFileName));
        return all;
    }

    /// <summary>Runs <paramref name="action"/> under the run folder's lock; I/O failures become QG1023 naming the folder.</summary>
    private T Locked<T>(string what, Func<T> action)
    {
        try
        {
            using var held = Lock(Root);
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGatesException(ErrorCodes.SolutionRunFileInvalid,
                $"The solution gate cannot {what} in '{Folder}': {ex.Message}", Folder);
        }
    }

    /// <summary>The project's name and a hash of its full path: two projects of the same name never share a file.</summary>
    private static string FileName(string projectFile)
    {
        var key = Key(projectFile);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        var name = new string(Path.GetFileNameWithoutExtension(key).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return $"{name}-{hash}.json";
    }

    /// <summary>The exclusive lock on <c>&lt;root&gt;/.lock</c>, waited for up to two minutes.</summary>
    internal static FileStream Lock(string root)
    {
        var path = Path.Combine(root, ".lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        var wait = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException ex) when (FileContention.IsContention(ex))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new IOException($"the lock '{path}' stayed held by another process for {LockTimeout.TotalSeconds:0} s", ex);
                }

                FileContention.Wait(ref wait);
            }
        }
    }
}
