using System.Runtime.CompilerServices;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Reads VSTest TRX files (<c>dotnet test --logger trx</c>) into a <see cref="TestRunSummary"/>, streaming
/// each file once. A test is a top-level <c>UnitTestResult</c>; every file is checked against its own
/// <c>ResultSummary/Counters</c>. Bad input throws a coded <see cref="Errors.QualityGatesException"/>.
/// </summary>
internal sealed class TrxReader
{
    /// <summary>Failed tests whose name and message are kept (over all files); later ones are only counted.</summary>
    public const int MaxFailedTestDetails = 1000;

    /// <summary>Characters kept of a failure message, test name or abort reason; longer text ends in "…".</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>Characters kept of a failed test's own stack trace (<c>Output/ErrorInfo/StackTrace</c>); longer text ends in "…".</summary>
    public const int MaxStackTraceLength = 4000;

    /// <summary>Reads one TRX file.</summary>
    public TestRunSummary Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return TrxFileScanner.Scan(path, MaxFailedTestDetails);
    }

    /// <summary>
    /// Reads several TRX files as one run: counts and durations are summed, failed tests listed file by
    /// file (each with its <see cref="FailedTest.SourceFile"/>), and the run is aborted if any file is.
    /// A path given twice, or a copy of a run already read, is counted once. The first file that fails to read stops the whole read.
    /// </summary>
    public TestRunSummary ReadAll(IEnumerable<string> paths) => TrxSummaryMerger.Merge(ReadEach(paths));

    /// <summary>
    /// Reads several TRX files one summary per file, leaving out copies of a run already read (see
    /// <see cref="ReadFiles"/>), keeping at most <see cref="MaxFailedTestDetails"/> failed-test details over
    /// all of them; <see cref="ReadAll"/> merges them.
    /// </summary>
    public IReadOnlyList<TestRunSummary> ReadEach(IEnumerable<string> paths) =>
        ReadFiles(paths).Where(file => file.Counts).Select(file => file.Summary).ToList();

    /// <summary>
    /// Reads several TRX files (the shards of a CI run, the legs of a multi-targeting project), one row per
    /// file in the order given, on every core, merged in order so the result never depends on timing. A path
    /// given twice is read once; a file holding a run an earlier file holds (the same <c>TestRun id</c> and
    /// the same bytes: an artifact downloaded twice) is a row with <see cref="TrxFileRun.SameRunAs"/> set,
    /// counted once; the attempts of a run retried by Microsoft.Testing.Platform's retry extension are merged into
    /// the row of the first attempt, each test counted once by its last attempt (<see cref="TrxFileRun.RetryOf"/>);
    /// any other file with the same id and other bytes counts again (<see cref="TrxFileRun.RunIdSharedWith"/>). At most <see cref="MaxFailedTestDetails"/> failed-test details are kept over all files,
    /// the earliest first. The first file (in the order given) that fails to read stops the whole read.
    /// </summary>
    /// <exception cref="Errors.QualityGatesException">A file is missing, malformed or not TRX.</exception>
    public IReadOnlyList<TrxFileRun> ReadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrEmpty(path, nameof(paths));
            if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(path);
            }
        }

        if (files.Count == 0)
        {
            // An empty pattern match is the caller's QG1010 to report, with the pattern in hand.
            throw new ArgumentException("At least one TRX file is needed.", nameof(paths));
        }

        var runs = new TrxFileRun[files.Count];
        var scans = new TrxScan[files.Count];
        var identities = new TrxRunIdentities();
        var detailsLeft = new StrongBox<int>(MaxFailedTestDetails);
        OrderedParallel.ForEach(
            files.Count,
            // What is left when a read starts is at least what is left for it in order; the merge trims to that.
            i => TrxFileScanner.ScanFile(files[i], Volatile.Read(ref detailsLeft.Value)),
            (i, scan) =>
            {
                scans[i] = scan;
                var summary = scan.Summary;
                var (sameRunAs, runIdSharedWith) = identities.Identify(files[i], summary);
                var kept = sameRunAs is null ? Math.Min(summary.FailedTests.Count, detailsLeft.Value) : 0;
                if (kept < summary.FailedTests.Count)
                {
                    summary = summary with { FailedTests = summary.FailedTests.Take(kept).ToArray() };
                }

                Volatile.Write(ref detailsLeft.Value, detailsLeft.Value - kept);
                runs[i] = new TrxFileRun(files[i], summary, sameRunAs, runIdSharedWith);
            });
        TrxRetriedRuns.Merge(runs, scans);
        return runs;
    }

    /// <summary>Merges summaries from <see cref="ReadEach"/> into one run.</summary>
    public static TestRunSummary Merge(IReadOnlyList<TestRunSummary> summaries) => TrxSummaryMerger.Merge(summaries);
}

/// <summary>One TRX file of a read of several (<see cref="TrxReader.ReadFiles"/>).</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Summary">What the file holds (its failed-test details within the read's bound).</param>
/// <param name="SameRunAs">The earlier file holding the same test run, when this file is a copy of it and counts no further; else null.</param>
/// <param name="RunIdSharedWith">An earlier file with the same <c>TestRun id</c> but other bytes: nothing proves they are one run, so both count (a caller warns, QG0021); else null.</param>
internal sealed record TrxFileRun(string Path, TestRunSummary Summary, string? SameRunAs, string? RunIdSharedWith = null)
{
    /// <summary>
    /// For a later attempt of a run retried by Microsoft.Testing.Platform's retry extension: the file of its first
    /// attempt, whose <see cref="Summary"/> holds the whole run (each test by its last attempt); this file counts no further. Else null.
    /// </summary>
    public string? RetryOf { get; init; }

    /// <summary>For the attempts of a retried run: this file's attempt number, or for the first attempt how many attempts were merged into it; else 0.</summary>
    public int Attempts { get; init; }

    /// <summary>True when the file's <see cref="Summary"/> counts towards the run: it is neither a copy of an earlier file nor a later attempt.</summary>
    public bool Counts => SameRunAs is null && RetryOf is null;
}
