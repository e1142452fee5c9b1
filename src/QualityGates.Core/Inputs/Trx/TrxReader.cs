using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Reads VSTest TRX files (<c>dotnet test --logger trx</c>) into a <see cref="TestRunSummary"/>, streaming
/// each file once. A test is a top-level <c>UnitTestResult</c>; every file is checked against its own
/// <c>ResultSummary/Counters</c>. Bad input throws a coded <see cref="Errors.QualityGatesException"/>.
/// </summary>
public sealed class TrxReader
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
    /// A path given twice is read once. The first file that fails to read stops the whole read.
    /// </summary>
    public TestRunSummary ReadAll(IEnumerable<string> paths) => TrxSummaryMerger.Merge(ReadEach(paths));

    /// <summary>
    /// Reads several TRX files one summary per file (a path given twice is read once), keeping at most
    /// <see cref="MaxFailedTestDetails"/> failed-test details over all of them; <see cref="ReadAll"/> merges them.
    /// </summary>
    public IReadOnlyList<TestRunSummary> ReadEach(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var summaries = new List<TestRunSummary>();
        var detailsLeft = MaxFailedTestDetails;
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrEmpty(path, nameof(paths));
            if (!seen.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            var summary = TrxFileScanner.Scan(path, detailsLeft);
            detailsLeft -= summary.FailedTests.Count;
            summaries.Add(summary);
        }

        if (summaries.Count == 0)
        {
            // An empty pattern match is the caller's QG1010 to report, with the pattern in hand.
            throw new ArgumentException("At least one TRX file is needed.", nameof(paths));
        }

        return summaries;
    }

    /// <summary>Merges summaries from <see cref="ReadEach"/> into one run.</summary>
    public static TestRunSummary Merge(IReadOnlyList<TestRunSummary> summaries) => TrxSummaryMerger.Merge(summaries);
}
