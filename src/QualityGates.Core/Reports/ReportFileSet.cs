using System.Globalization;
using System.Security.Cryptography;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Reports.Html;

namespace QualityGates.Reports;

/// <summary>
/// The report folder (default <c>.quality-gates</c>): each run writes its own uniquely named JSON
/// report, replaces <c>latest.json</c>, <c>junit-gates.xml</c> and <c>gates.html</c>, and appends to
/// <c>blocks.jsonl</c> when it was blocked. Every file appears whole or not at all, and parallel runs
/// writing into the same folder never overwrite each other's reports.
/// </summary>
internal sealed class ReportFileSet
{
    /// <summary>The folder name used when none is configured.</summary>
    public const string DefaultFolderName = ".quality-gates";

    /// <summary>The stable name of the newest report's copy.</summary>
    public const string LatestFileName = "latest.json";

    // 2^32 suffixes per millisecond make a clash unlikely; a clash is still handled by trying another.
    private const int NameAttempts = 20;

    private readonly Func<string> _suffix;
    private readonly TimeSpan? _lockTimeout;

    /// <param name="folder">The report folder; created when missing.</param>
    /// <param name="lockTimeout">How long an append to <c>blocks.jsonl</c> waits for other writers.</param>
    public ReportFileSet(string folder, TimeSpan? lockTimeout = null)
        : this(folder, lockTimeout, () => RandomNumberGenerator.GetHexString(8, lowercase: true))
    {
    }

    /// <summary>For tests: <paramref name="suffix"/> supplies the random part of report names.</summary>
    internal ReportFileSet(string folder, TimeSpan? lockTimeout, Func<string> suffix)
    {
        Folder = Path.GetFullPath(folder);
        _lockTimeout = lockTimeout;
        _suffix = suffix;
    }

    /// <summary>The report folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The repository root: <c>gates.html</c> shows paths relative to it and no build-machine paths. Null when unknown.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>
    /// Timestamped reports kept after publishing (<see cref="ReportRetention"/>); 0 (the default here)
    /// keeps every one. <see cref="Running.GateRun"/> passes the user's setting, default <see cref="ReportRetention.DefaultKeep"/>.
    /// </summary>
    public int KeepReports { get; init; }

    /// <summary>"report-&lt;yyyyMMddTHHmmssfffZ&gt;-&lt;suffix&gt;.json" for a run at <paramref name="timestamp"/>.</summary>
    public static string ReportFileName(DateTimeOffset timestamp, string suffix) =>
        "report-" + timestamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + suffix + ".json";

    /// <summary>Writes the run's files and returns their paths (see the other overload).</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/>, naming the file that could not be written;
    /// <see cref="ErrorCodes.ReportFileNotRegular"/> when a file to replace or append to is a link, FIFO, folder or device.</exception>
    public ReportFiles Write(QualityGateReport report, CiBuildInfo? ci = null) => Write(report, JsonReportWriter.ToUtf8(report, ci));

    /// <summary>
    /// Writes the run's files, the JSON ones with <paramref name="json"/> (<see cref="JsonReportWriter.ToUtf8"/>
    /// of the report, made once by the caller), and returns their paths, all or nothing: every file is first
    /// written aside (temp files in the folder), then the <c>blocks.jsonl</c> line is appended, and only then
    /// are the files renamed to their names (a rename needs no disk space). A run that cannot write one of
    /// them (a full disk) leaves the previous run's set as it was.
    /// </summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/>, naming the file that could not be written;
    /// <see cref="ErrorCodes.ReportFileNotRegular"/> when a file to replace or append to is a link, FIFO, folder or device.</exception>
    public ReportFiles Write(QualityGateReport report, byte[] json)
    {
        Guard(Folder, () => Directory.CreateDirectory(Folder));
        // A run killed between writing aside and renaming leaves its temp files; the next run clears them.
        AtomicFile.RemoveAbandoned(Folder);

        var latestPath = Path.Combine(Folder, LatestFileName);
        var junitPath = Path.Combine(Folder, JUnitReportWriter.FileName);
        var htmlPath = Path.Combine(Folder, HtmlReportWriter.FileName);
        var blockPath = report.AllPassed ? null : Path.Combine(Folder, BlockLog.FileName);
        foreach (var path in new[] { latestPath, junitPath, htmlPath, blockPath }.OfType<string>())
        {
            FileKinds.EnsureWritable(path, Folder, ErrorCodes.ReportFileNotRegular);
        }

        using var staged = new StagedSet();
        staged.Add(latestPath, json);
        using (var xml = new MemoryStream())
        {
            JUnitReportWriter.Write(report, xml);
            staged.Add(junitPath, xml.GetBuffer().AsSpan(0, (int)xml.Length));
        }

        // Read before this run's report exists: the trend's earlier runs are the folder's reports so far.
        staged.Add(htmlPath, HtmlReportWriter.ToUtf8(report, RepositoryRoot, ReportHistory.Read(Folder, report.ContextName)));
        var reportPath = CreateUniqueReport(report.Timestamp, json);
        try
        {
            if (blockPath is not null)
            {
                new BlockLog(blockPath, _lockTimeout).Append(report, Path.GetFileName(reportPath));
            }
        }
        catch
        {
            Guard(reportPath, () => File.Delete(reportPath));
            throw;
        }

        staged.PublishAll();
        return new ReportFiles(junitPath, reportPath, latestPath, blockPath, htmlPath)
        {
            PruneProblem = ReportRetention.Prune(Folder, KeepReports, reportPath),
        };
    }

    /// <summary>
    /// Replaces <c>latest.json</c>, <c>junit-gates.xml</c> and <c>gates.html</c> with the marker of a solution
    /// run that has no verdict (<see cref="IncompleteRunReport"/>), all three or none; the timestamped reports
    /// and <c>blocks.jsonl</c> stay as they are.
    /// </summary>
    /// <exception cref="QualityGatesException">As <see cref="Write(QualityGateReport, byte[])"/>.</exception>
    public void MarkIncomplete(IncompleteRunReport incomplete)
    {
        Guard(Folder, () => Directory.CreateDirectory(Folder));
        var files = new[]
        {
            (Path.Combine(Folder, LatestFileName), incomplete.ToJson()),
            (Path.Combine(Folder, JUnitReportWriter.FileName), incomplete.ToJUnit()),
            (Path.Combine(Folder, HtmlReportWriter.FileName), incomplete.ToHtml()),
        };
        foreach (var (path, _) in files)
        {
            FileKinds.EnsureWritable(path, Folder, ErrorCodes.ReportFileNotRegular);
        }

        using var staged = new StagedSet();
        foreach (var (path, content) in files)
        {
            staged.Add(path, content);
        }

        staged.PublishAll();
    }

    private string CreateUniqueReport(DateTimeOffset timestamp, byte[] json)
    {
        var path = Folder;
        for (var attempt = 0; attempt < NameAttempts; attempt++)
        {
            path = Path.Combine(Folder, ReportFileName(timestamp, _suffix()));
            var candidate = path;
            var created = false;
            Guard(candidate, () => created = AtomicFile.TryCreate(candidate, json));
            if (created)
            {
                return path;
            }
        }

        throw new QualityGatesException(ErrorCodes.ReportNotWritten,
            $"Cannot write the JSON report: {NameAttempts} candidate names in '{Folder}' were all taken (last: '{path}').", path);
    }

    /// <summary>Files written aside, published together; disposing deletes any not published.</summary>
    private sealed class StagedSet : IDisposable
    {
        private readonly List<AtomicFile.StagedFile> _files = [];

        public void Add(string path, ReadOnlySpan<byte> content)
        {
            AtomicFile.StagedFile? file = null;
            var bytes = content.ToArray();
            Guard(path, () => file = AtomicFile.Stage(path, bytes));
            _files.Add(file!);
        }

        public void PublishAll()
        {
            foreach (var file in _files)
            {
                Guard(file.Path, file.Publish);
            }
        }

        public void Dispose()
        {
            foreach (var file in _files)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>Writes only a JUnit file at <paramref name="path"/> (the CLI's <c>--junit</c>), atomically.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/>, naming the file.</exception>
    public static void WriteJUnit(QualityGateReport report, string path)
    {
        var full = Path.GetFullPath(path);
        FileKinds.EnsureWritable(full, folder: null, ErrorCodes.ReportFileNotRegular);
        using var xml = new MemoryStream();
        JUnitReportWriter.Write(report, xml);
        Guard(full, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            AtomicFile.Replace(full, xml.GetBuffer().AsSpan(0, (int)xml.Length));
        });
    }

    private static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new QualityGatesException(ErrorCodes.ReportNotWritten, $"Cannot write '{path}': {ex.Message}", path, inner: ex);
        }
    }
}

/// <summary>The files one <see cref="ReportFileSet.Write(QualityGateReport, byte[])"/> produced (full paths).</summary>
/// <param name="JUnit">The <c>junit-gates.xml</c> (replaced on every run).</param>
/// <param name="Json">This run's own <c>report-&lt;UTC time&gt;-&lt;random&gt;.json</c>.</param>
/// <param name="Latest"><c>latest.json</c>, a copy of <paramref name="Json"/>.</param>
/// <param name="BlockLog"><c>blocks.jsonl</c> when the run was blocked and a line was appended; otherwise null.</param>
/// <param name="Html"><c>gates.html</c> (replaced on every run), or null when it was not written.</param>
internal sealed record ReportFiles(string JUnit, string Json, string Latest, string? BlockLog, string? Html = null)
{
    /// <summary>Every file written, in the order written.</summary>
    /// <summary>Why an old report could not be deleted when the folder was pruned (a warning, never an error); null when all went well.</summary>
    public string? PruneProblem { get; init; }

    public IReadOnlyList<string> All => new[] { Json, Latest, JUnit, Html, BlockLog }.OfType<string>().ToList();
}
