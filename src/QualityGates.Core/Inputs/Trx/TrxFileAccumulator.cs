using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// The running figures of one TRX file while it streams past: counts, durations, failed-test details
/// (bounded) and what the ResultSummary says. Turned into a <see cref="TestRunSummary"/> at the end.
/// </summary>
internal sealed class TrxFileAccumulator
{
    private readonly string path;
    private readonly int failedTestBudget;
    private readonly List<FailedTest> failedTests = new();
    private readonly List<string> attachmentLinks = new();

    // Top-level results: the figures reported.
    private int total;
    private int passed;
    private int failed;
    private TimeSpan summedDurations;

    // Results at every depth, by exact outcome: what VSTest's Counters count.
    private int allResults;
    private int allExecuted;
    private int allExactlyPassed;
    private int allExactlyFailed;
    private int allExactErrors;

    // Run-level errors (RunInfo outcome="Error"): the first one, and the first that says the run broke off.
    private string? firstRunError;
    private string? abortRunError;

    public TrxFileAccumulator(string path, int failedTestBudget)
    {
        this.path = path;
        this.failedTestBudget = failedTestBudget;
    }

    /// <summary>The <c>TestRun id</c> (a GUID each run writes anew), or null when the file has none.</summary>
    public string? RunId { get; set; }

    /// <summary>The run's <c>Times</c> start and finish, when the file has them.</summary>
    public (DateTimeOffset Start, DateTimeOffset Finish)? Times { get; set; }

    /// <summary>The <c>ResultSummary outcome</c> (Completed, Failed, Aborted, ...), or null.</summary>
    public string? RunOutcome { get; set; }

    /// <summary>The <c>ResultSummary/Counters</c>, or null when the file has none.</summary>
    public TrxCounters? Counters { get; set; }

    /// <summary>The writer of the file, known once the <c>ResultSummary</c> starts.</summary>
    public TrxProducer Producer { get; set; }

    /// <summary>Notes the (bounded) text of a run-level error, <c>RunInfo outcome="Error"</c>.</summary>
    public void AddRunError(string text)
    {
        firstRunError ??= text;
        if (abortRunError is null && TrxRunStatus.SaysAborted(Producer, text))
        {
            abortRunError = text;
        }
    }

    /// <summary>The <c>runDeploymentRoot</c> of <c>TestSettings/Deployment</c>, or null.</summary>
    public string? DeploymentRoot { get; set; }

    /// <summary>Keeps a data collector's attachment link (<c>href</c> as written).</summary>
    public void AddAttachment(string href) => attachmentLinks.Add(href);

    /// <summary>True while failed tests' details are still kept; once the budget is spent they are only counted.</summary>
    public bool KeepsFailedTestDetails => failedTests.Count < failedTestBudget;

    /// <summary>Counts one <c>UnitTestResult</c>; only top-level ones count as tests.</summary>
    public void CountResult(string outcome, TrxOutcomeKind kind, bool topLevel, TimeSpan duration)
    {
        allResults++;
        allExecuted += kind == TrxOutcomeKind.Skipped ? 0 : 1;
        allExactlyPassed += string.Equals(outcome, "Passed", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        allExactlyFailed += string.Equals(outcome, "Failed", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        allExactErrors += string.Equals(outcome, "Error", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (!topLevel)
        {
            return;
        }

        total++;
        passed += kind == TrxOutcomeKind.Passed ? 1 : 0;
        failed += kind == TrxOutcomeKind.Failed ? 1 : 0;
        summedDurations += duration;
    }

    /// <summary>Keeps a failed test's details if the budget allows.</summary>
    public void AddFailedTest(string name, string message, string? stackTrace = null)
    {
        if (KeepsFailedTestDetails)
        {
            failedTests.Add(new FailedTest(name, message, path, stackTrace));
        }
    }

    /// <summary>Checks the counts against the Counters and builds the summary of this file.</summary>
    public TestRunSummary Finish()
    {
        var counted = new TrxTally(allResults, allExecuted, allExactlyPassed, allExactlyFailed, allExactErrors);
        if (Counters is not null)
        {
            TrxCountersCheck.Verify(Counters, counted, Producer, path);
        }

        var abortReason = TrxRunStatus.AbortReason(Producer, RunOutcome, Counters, counted, abortRunError, firstRunError);
        return new TestRunSummary
        {
            RunId = string.IsNullOrWhiteSpace(RunId) ? null : RunId.Trim(),
            Total = total,
            Passed = passed,
            Failed = failed,
            Skipped = total - passed - failed,
            Duration = Times is { } times ? times.Finish - times.Start : summedDurations,
            Aborted = abortReason is not null,
            AbortReason = abortReason,
            FailedTests = failedTests.ToArray(),
            SourceFiles = new[] { path },
            CoverageAttachments = TrxCoverageAttachments.Resolve(path, DeploymentRoot, attachmentLinks),
        };
    }
}
