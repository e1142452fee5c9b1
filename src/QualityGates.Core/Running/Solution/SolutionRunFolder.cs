using System.Security.Cryptography;
using System.Text;
using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.Running.Solution;

/// <summary>
/// The solution's run folder, <c>&lt;solution report folder&gt;/run/</c>, where the test projects of one
/// solution run meet. Before the tests, the solution's <c>Directory.Solution.targets</c> writes
/// <c>manifest.txt</c>: <c>run=&lt;id&gt;</c>, <c>solution=&lt;solution file&gt;</c> and one <c>member=&lt;project file&gt;</c>
/// line per gated test project (docs/solution.md). Each project's gate then hands in its results under an
/// exclusive lock on <c>.lock</c> (FileShare.None: an advisory lock on Linux and macOS); the project whose
/// hand-in completes the set takes all of them out of the folder, still under the lock, and judges the
/// solution. So exactly one process judges, whichever order the projects end in (parallel builds,
/// <c>-m</c>, test applications run side by side), and a hand-in is never read half written.
/// </summary>
public sealed class SolutionRunFolder
{
    /// <summary>The manifest's file name in the run folder.</summary>
    public const string ManifestFileName = "manifest.txt";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    private SolutionRunFolder(string folder, string runId, string? solutionFile, IReadOnlyList<string> members)
    {
        Folder = folder;
        RunId = runId;
        SolutionFile = solutionFile;
        Members = members;
    }

    /// <summary>The run folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The run's id from the manifest (a new one for each solution run).</summary>
    public string RunId { get; }

    /// <summary>The solution file (full path) as the manifest names it; null when it names none.</summary>
    public string? SolutionFile { get; }

    /// <summary>The solution's name (its file name without extension), else the name of the folder above the report folder.</summary>
    public string SolutionName => SolutionFile is { } file
        ? Path.GetFileNameWithoutExtension(file)
        : Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Folder)!))) ?? "solution";

    /// <summary>The gated test projects of the run (full paths of their project files).</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>
    /// The run <paramref name="options"/>' project belongs to, or null when there is no manifest or it
    /// does not list the project (the project is then judged alone). A manifest that cannot be read is QG1023.
    /// </summary>
    public static SolutionRunFolder? Find(SolutionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory) || string.IsNullOrWhiteSpace(options.ProjectFile))
        {
            return null;
        }

        var folder = Path.Combine(Path.GetFullPath(options.Directory), "run");
        var manifest = Path.Combine(folder, ManifestFileName);
        if (!File.Exists(manifest))
        {
            return null;
        }

        var run = Read(folder, manifest);
        return run.Members.Contains(Key(options.ProjectFile), StringComparer.Ordinal) ? run : null;
    }

    /// <summary>
    /// Hands in <paramref name="handIn"/>. When this hand-in completed the run, the result holds every
    /// project's hand-in, in manifest order (the caller then judges the solution); otherwise how many of
    /// the run's projects have handed in so far.
    /// </summary>
    /// <exception cref="QualityGatesException">QG1023: the folder cannot be written or read, or the lock stayed held too long.</exception>
    public (int HandedIn, IReadOnlyList<ProjectHandIn>? All) HandIn(ProjectHandIn handIn)
    {
        var runFolder = Path.Combine(Folder, RunId);
        try
        {
            using var held = Lock();
            System.IO.Directory.CreateDirectory(runFolder);
            AtomicFile.Replace(Path.Combine(runFolder, FileName(handIn.ProjectFile)), handIn.ToUtf8());
            var paths = Members.Select(m => Path.Combine(runFolder, FileName(m))).ToList();
            var handedIn = paths.Count(File.Exists);
            if (handedIn < paths.Count)
            {
                return (handedIn, null);
            }

            // Taken out under the lock: a late or repeated hand-in of this run starts a new set and never
            // judges the solution a second time from these files.
            var all = paths.Select(ProjectHandIn.Read).ToList();
            System.IO.Directory.Delete(runFolder, recursive: true);
            return (handedIn, all);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGatesException(ErrorCodes.SolutionRunFileInvalid,
                $"The solution gate cannot hand in the results of '{handIn.Name}' in '{runFolder}': {ex.Message}", runFolder);
        }
    }

    /// <summary>A project file's key in the manifest: its full path, with '/' separators.</summary>
    public static string Key(string projectFile) => Path.GetFullPath(projectFile.Trim()).Replace('\\', '/');

    private static SolutionRunFolder Read(string folder, string manifest)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(manifest, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(manifest, ex.Message);
        }

        string? runId = null;
        string? solution = null;
        var members = new List<string>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var equals = line.IndexOf('=');
            var (name, value) = equals < 0 ? (line, string.Empty) : (line[..equals].Trim(), line[(equals + 1)..].Trim());
            switch (name)
            {
                case "run" when value.Length > 0 && value.All(char.IsAsciiLetterOrDigit):
                    runId = value;
                    break;
                case "solution" when value.Length > 0:
                    solution = value;
                    break;
                case "member" when value.Length > 0:
                    members.Add(Key(value));
                    break;
                default:
                    throw Invalid(manifest, $"the line '{line}' is not run=<letters and digits>, solution=<solution file> or member=<project file>");
            }
        }

        return runId is null || members.Count == 0
            ? throw Invalid(manifest, "it names no run id or no member project")
            : new SolutionRunFolder(folder, runId, solution, members.Distinct(StringComparer.Ordinal).ToList());
    }

    private static QualityGatesException Invalid(string manifest, string why) =>
        new(ErrorCodes.SolutionRunFileInvalid,
            $"The solution run manifest '{manifest}' cannot be read: {why}. It is written by the solution's Directory.Solution.targets (see {DocumentationLinks.Page("solution.md")}); run dotnet test on the solution again.", manifest);

    /// <summary>The project's name and a hash of its full path: two projects of the same name never share a file.</summary>
    private static string FileName(string projectFile)
    {
        var key = Key(projectFile);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        var name = new string(Path.GetFileNameWithoutExtension(key).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return $"{name}-{hash}.json";
    }

    private FileStream Lock()
    {
        var path = Path.Combine(Folder, ".lock");
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
