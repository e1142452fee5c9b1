using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// The running figures of one TRX file while it streams past: counts, durations, failed-test details
/// (bounded), retried tests and what the ResultSummary says. Turned into a <see cref="TestRunSummary"/> at the end.
/// </summary>
internal sealed class TrxFileAccumulator
{
    private readonly string path;
    private readonly int failedTestBudget;
    private readonly List<(FailedTest Test, TrxTestKey? Key)?> failedTests = new();
    private readonly Dictionary<TrxTestKey, int> failedTestAt = new();
    private readonly List<string> attachmentLinks = new();
    private readonly TrxAttemptChains attempts = new();
    private int keptFailedTests;

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
    private DataDrivenParents parents;

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

    /// <summary>When set, every top-level result is also handed to it as it is read (the attempts of a retried run are merged from these).</summary>
    public List<TrxResultRow>? Rows { get; init; }

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
    public bool KeepsFailedTestDetails => keptFailedTests < failedTestBudget;

    /// <summary>
    /// Counts one <c>UnitTestResult</c>; only top-level ones count as tests. Returns false for a top-level
    /// result that is an earlier attempt of a retried test already counted by a later one (its details are not kept).
    /// </summary>
    public bool CountResult(TrxResult result, TrxOutcomeKind kind, bool topLevel)
    {
        allResults++;
        allExecuted += kind == TrxOutcomeKind.Skipped ? 0 : 1;
        var exactlyPassed = string.Equals(result.Outcome, "Passed", StringComparison.OrdinalIgnoreCase);
        var exactlyFailed = string.Equals(result.Outcome, "Failed", StringComparison.OrdinalIgnoreCase);
        allExactlyPassed += exactlyPassed ? 1 : 0;
        allExactlyFailed += exactlyFailed ? 1 : 0;
        allExactErrors += string.Equals(result.Outcome, "Error", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (result.DataDrivenParent)
        {
            parents = new DataDrivenParents(parents.All + 1, parents.Passed + (exactlyPassed ? 1 : 0), parents.Failed + (exactlyFailed ? 1 : 0));
        }

        if (!topLevel)
        {
            return true;
        }

        Rows?.Add(new TrxResultRow(result.TestId, result.TestName, kind));
        summedDurations += result.Duration;
        var attempt = attempts.Add(result.Key, kind, result.Start, result.TestName);
        switch (attempt)
        {
            case TrxAttempt.Earlier:
                return false;
            case TrxAttempt.Later:
                // The attempt before this one was counted as a failed test: this one takes its place.
                total--;
                failed--;
                ForgetFailedTest(result.Key!.Value);
                break;
        }

        total++;
        passed += kind == TrxOutcomeKind.Passed ? 1 : 0;
        failed += kind == TrxOutcomeKind.Failed ? 1 : 0;
        return true;
    }

    /// <summary>Keeps a failed test's details if the budget allows.</summary>
    public void AddFailedTest(TrxTestKey? key, string name, string message, string? stackTrace = null)
    {
        if (!KeepsFailedTestDetails)
        {
            return;
        }

        if (key is { } known)
        {
            ForgetFailedTest(known);
            failedTestAt[known] = failedTests.Count;
        }

        failedTests.Add((new FailedTest(name, message, path, stackTrace), key));
        keptFailedTests++;
    }

    /// <summary>Checks the counts against the Counters and builds the summary of this file.</summary>
    public TestRunSummary Finish()
    {
        var counted = new TrxTally(allResults, allExecuted, allExactlyPassed, allExactlyFailed, allExactErrors, parents);
        if (Counters is not null)
        {
            TrxCountersCheck.Verify(Counters, counted, Producer, path);
        }

        var abortReason = TrxRunStatus.AbortReason(Producer, RunOutcome, Counters, counted, abortRunError, firstRunError);
        var flaky = attempts.Flaky();
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
            FailedTests = failedTests.Where(t => t is not null).Select(t => t!.Value.Test).ToArray(),
            SourceFiles = new[] { path },
            CoverageAttachments = TrxCoverageAttachments.Resolve(path, DeploymentRoot, attachmentLinks),
            Flaky = flaky.Count,
            FlakyTests = flaky.Take(failedTestBudget).Select(f => new FlakyTest(f.Name, f.Attempts, path)).ToArray(),
        };
    }

    private void ForgetFailedTest(TrxTestKey key)
    {
        if (failedTestAt.Remove(key, out var at))
        {
            failedTests[at] = null;
            keptFailedTests--;
        }
    }
}

/// <summary>One top-level result as the reader saw it: its test id and name (null when the file has none) and what it counted as.</summary>
internal readonly record struct TrxResultRow(string? TestId, string? TestName, TrxOutcomeKind Kind);

/// <summary>What the scanner read of one <c>UnitTestResult</c> for counting.</summary>
internal readonly record struct TrxResult(string Outcome, string? TestId, string? TestName, TimeSpan Duration, DateTimeOffset? Start, bool DataDrivenParent)
{
    /// <summary>The test's identity within the file (test id and name), or null when the file gives no test id.</summary>
    public TrxTestKey? Key => string.IsNullOrEmpty(TestId) ? null : TrxTestKey.Of(TestId, TestName ?? string.Empty);
}
