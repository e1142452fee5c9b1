namespace QualityGates.Metrics;

/// <summary>
/// Test results of one run (or several merged runs). Pass rate counts only executed tests:
/// executed = passed + failed; skipped and not-executed tests count neither way.
/// </summary>
internal sealed record TestRunSummary
{
    /// <summary>
    /// The TRX <c>TestRun id</c> of a summary read from one file (each VSTest or Microsoft.Testing.Platform run
    /// writes a new GUID), so a copy of the same file is recognised; null for summaries merged from several files or read in process.
    /// </summary>
    public string? RunId { get; init; }

    public int Total { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    /// <summary>Tests that did not run (skipped, not executed, inconclusive, pending).</summary>
    public int Skipped { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>True when a test run aborted (e.g. the test host crashed) before or while running tests.</summary>
    public bool Aborted { get; init; }
    /// <summary>Why the run aborted (e.g. the test host's crash text), when <see cref="Aborted"/> and the input says; otherwise null.</summary>
    public string? AbortReason { get; init; }
    /// <summary>Failed tests with their messages, for reports.</summary>
    public IReadOnlyList<FailedTest> FailedTests { get; init; } = Array.Empty<FailedTest>();
    /// <summary>The files the figures were read from.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = Array.Empty<string>();
    /// <summary>
    /// The Cobertura files a data collector attached to the run (coverlet.collector's "XPlat Code
    /// Coverage"), full paths in file order; empty when none (or when the tests were not read from a TRX).
    /// </summary>
    public IReadOnlyList<string> CoverageAttachments { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Tests that failed and then passed on a retry (a later attempt of the retry extension, or a framework's own
    /// retry the result file shows); each counts once, by its last attempt, in <see cref="Passed"/>.
    /// </summary>
    public int Flaky { get; init; }

    /// <summary>The flaky tests by name, at most <see cref="Inputs.Trx.TrxReader.MaxFailedTestDetails"/> of them; <see cref="Flaky"/> counts them all.</summary>
    public IReadOnlyList<FlakyTest> FlakyTests { get; init; } = Array.Empty<FlakyTest>();

    public int Executed => Passed + Failed;

    /// <summary>passed / executed, or null when nothing executed.</summary>
    public double? PassRate => Executed == 0 ? null : (double)Passed / Executed;
}

/// <summary>A test that failed and then passed on a retry: its name, how many attempts it took, and the result file of its last attempt when known.</summary>
internal sealed record FlakyTest(string Name, int Attempts, string? SourceFile = null);

/// <summary>A failed test: its full name, the failure message and, where known, the file it came from.</summary>
/// <param name="Name">The test's full name.</param>
/// <param name="Message">The failure message (empty when the producer wrote none).</param>
/// <param name="SourceFile">The result file the test came from (a TRX), when known.</param>
/// <param name="StackTrace">The failure's stack trace as the producer wrote it (TRX <c>Output/ErrorInfo/StackTrace</c>), its first <see cref="Inputs.Trx.TrxReader.MaxStackTraceLength"/> characters kept, then "…"; null when none.</param>
internal sealed record FailedTest(string Name, string Message, string? SourceFile = null, string? StackTrace = null)
{
    /// <summary>
    /// The first <c>in &lt;file&gt;:line &lt;n&gt;</c> frame of <see cref="StackTrace"/> (the .NET stack
    /// trace format with portable PDBs), e.g. <c>("/src/Tests/CalcTests.cs", 42)</c>; null when there is none.
    /// </summary>
    public (string File, int Line)? SourceLocation
    {
        get
        {
            var match = StackTrace is null ? null : System.Text.RegularExpressions.Regex.Match(StackTrace, @" in (?<file>[^\r\n]+?):line (?<line>\d{1,9})", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return match is { Success: true } ? (match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
        }
    }
}
