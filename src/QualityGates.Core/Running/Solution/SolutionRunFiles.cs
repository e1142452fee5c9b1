using System.Globalization;
using System.Text;
using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.Running.Solution;

/// <summary>Who judges a solution run.</summary>
internal enum SolutionJudge
{
    /// <summary>
    /// VSTest: the solution's own build, after every test project's tests (docs/solution.md). The projects
    /// only hand in, each with the run id the solution's build gave it.
    /// </summary>
    Solution,

    /// <summary>
    /// Microsoft.Testing.Platform: the test applications run after the build, outside MSBuild, so the
    /// application whose hand-in completes the run judges it.
    /// </summary>
    LastHandIn,
}

/// <summary>
/// A run's manifest, <c>run/&lt;run id&gt;/manifest.txt</c>: <c>run=&lt;id&gt;</c>, <c>solution=&lt;solution file&gt;</c>,
/// <c>judge=solution|last</c> and one <c>member=&lt;project file&gt;</c> line per gated test project.
/// It exists while the run takes hand-ins; the judge removes it with them.
/// </summary>
internal sealed record SolutionRunManifest(string RunId, string? SolutionFile, SolutionJudge Judge, IReadOnlyList<string> Members)
{
    public string ToText() => string.Join('\n',
        [$"run={RunId}", $"solution={SolutionFile}", $"judge={(Judge == SolutionJudge.Solution ? "solution" : "last")}",
            .. Members.Select(m => "member=" + m)]) + "\n";

    public static SolutionRunManifest Read(string path)
    {
        string? runId = null;
        string? solution = null;
        SolutionJudge? judge = null;
        var members = new List<string>();
        foreach (var (name, value, line) in SolutionRunText.Read(path))
        {
            switch (name)
            {
                case "run" when SolutionRunText.IsRunId(value):
                    runId = value;
                    break;
                case "solution" when value.Length > 0:
                    solution = value;
                    break;
                case "judge" when value is "solution" or "last":
                    judge = value == "solution" ? SolutionJudge.Solution : SolutionJudge.LastHandIn;
                    break;
                case "member" when value.Length > 0:
                    members.Add(SolutionRunFolder.Key(value));
                    break;
                default:
                    throw SolutionRunText.Invalid(path, $"the line '{line}' is not run=<letters and digits>, solution=<solution file>, judge=solution|last or member=<project file>");
            }
        }

        return runId is null || judge is null || members.Count == 0
            ? throw SolutionRunText.Invalid(path, "it names no run id, no judge or no member project")
            : new SolutionRunManifest(runId, solution, judge.Value, members.Distinct(StringComparer.Ordinal).ToList());
    }
}

/// <summary>
/// The solution's claim, <c>run/active</c>: which run holds the solution now, the process that owns it and
/// when it started. Written when a run starts, removed when it ends; a second run of the same solution
/// waits while the claim's owner runs (docs/solution.md).
/// </summary>
internal sealed record SolutionRunClaim(string RunId, SolutionRunOwner Owner, DateTime StartedUtc)
{
    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"run={RunId}\nowner={Owner.ProcessId}\nowner-started={Owner.StartedUtcTicks}\nstarted={StartedUtc:o}\n");

    /// <summary>How messages name the run: "run 3f2a… started 2026-07-12 14:02:11 UTC by process 4242".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"run {RunId} (started {StartedUtc:yyyy-MM-dd HH:mm:ss} UTC by {Owner})");

    public static SolutionRunClaim Read(string path)
    {
        string? runId = null;
        int? pid = null;
        long? ownerStarted = null;
        DateTime? started = null;
        foreach (var (name, value, line) in SolutionRunText.Read(path))
        {
            switch (name)
            {
                case "run" when SolutionRunText.IsRunId(value):
                    runId = value;
                    break;
                case "owner" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    pid = id;
                    break;
                case "owner-started" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks):
                    ownerStarted = ticks;
                    break;
                case "started" when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at):
                    started = at.ToUniversalTime();
                    break;
                default:
                    throw SolutionRunText.Invalid(path, $"the line '{line}' is not run=, owner=, owner-started= or started= with a valid value");
            }
        }

        return runId is not null && pid is not null && ownerStarted is not null && started is not null
            ? new SolutionRunClaim(runId, new SolutionRunOwner(pid.Value, ownerStarted.Value), started.Value)
            : throw SolutionRunText.Invalid(path, "it lacks one of run=, owner=, owner-started= and started=");
    }
}

/// <summary>Reading and writing the run folder's small text files: checked file kinds, a size cap, coded errors.</summary>
internal static class SolutionRunText
{
    // A manifest lists project paths; a megabyte is thousands of them. Anything bigger was not written by us.
    private const long MaxBytes = 1024 * 1024;

    public static bool IsRunId(string value) => value.Length is > 0 and <= 64 && value.All(char.IsAsciiLetterOrDigit);

    public static IEnumerable<(string Name, string Value, string Line)> Read(string path)
    {
        string text;
        try
        {
            // Checked before opening: a FIFO planted under the name would block the build.
            var kind = FileKinds.OfTarget(path);
            if (kind != FileKind.Regular)
            {
                throw Invalid(path, $"it is {FileKinds.Describe(kind)}, not a regular file");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxBytes)
            {
                throw Invalid(path, $"it is larger than {MaxBytes / 1024} KB");
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, ex.Message);
        }

        return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(line =>
        {
            var equals = line.IndexOf('=');
            return equals < 0 ? (line, string.Empty, line) : (line[..equals].Trim(), line[(equals + 1)..].Trim(), line);
        }).ToList();
    }

    /// <summary>Writes <paramref name="text"/> whole (a temp file, then a rename): a reader never sees half of it.</summary>
    public static void Write(string path, string text) => AtomicFile.Replace(path, Encoding.UTF8.GetBytes(text));

    public static QualityGatesException Invalid(string path, string why) =>
        new(ErrorCodes.SolutionRunFileInvalid,
            $"The solution run file '{path}' cannot be read: {why}. It is written by the solution gate ({DocumentationLinks.Page("solution.md")}); delete the solution's run folder and run dotnet test on the solution again.", path);
}
