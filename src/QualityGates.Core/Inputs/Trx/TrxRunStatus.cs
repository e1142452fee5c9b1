using System.Globalization;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Decides whether a TRX run is aborted — its writer says the run did not complete, whatever results it
/// holds — and why. Each writer says it differently:
/// <list type="bullet">
/// <item>any writer: <c>ResultSummary outcome="Aborted"</c> (mstest.exe; VSTest itself never writes it);</item>
/// <item>VSTest: outcome <c>Failed</c> with a <c>RunInfo outcome="Error"</c> whose text says the run was aborted or
/// the test host crashed ("The active test run was aborted. Reason: Test host process crashed…",
/// "Testhost process for source(s) '…' exited with error…"), with or without results;</item>
/// <item>Microsoft.Testing.Platform: a <c>RunInfo outcome="Error"</c> holding the test host's crash text, or
/// "Exit code indicates failure: 'N'" with an exit code other than 2 (a test failed), 8 (zero tests) or 9
/// (fewer tests than the minimum), which are verdicts on complete runs (testfx TrxReportEngine.AddResultSummaryAsync,
/// Microsoft.Testing.Platform ExitCodes);</item>
/// <item>xunit.v3 and others: an <c>error</c> counter above the results of outcome <c>Error</c> — errors outside any
/// test, such as a failed fixture or assembly cleanup (xunit TransformFactory.Handler_TRX writes the assembly
/// <c>errors</c> there);</item>
/// <item>and, as before, a <c>Failed</c> run with no results and <c>total="0"</c>: VSTest's host crashed before any test.</item>
/// </list>
/// </summary>
internal static class TrxRunStatus
{
    private const string ExitCodeText = "Exit code indicates failure: '";

    // MTP exit codes that judge a run that did complete: AtLeastOneTestFailed, ZeroTests, MinimumExpectedTestsPolicyViolation.
    private static readonly HashSet<int> CompletedRunExitCodes = [2, 8, 9];

    private static readonly string[] AbortWords = ["aborted", "crashed", "exited with error"];

    /// <summary>True when a <c>RunInfo outcome="Error"</c> text says the run did not complete.</summary>
    public static bool SaysAborted(TrxProducer producer, string text)
    {
        if (text.StartsWith(ExitCodeText, StringComparison.Ordinal))
        {
            var end = text.IndexOf('\'', ExitCodeText.Length);
            return end < 0
                || !int.TryParse(text.AsSpan(ExitCodeText.Length, end - ExitCodeText.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                || !CompletedRunExitCodes.Contains(code);
        }

        // MTP writes a RunInfo only for a failing exit code (above) or a crashed test host (this text).
        return producer == TrxProducer.TestingPlatform
            || AbortWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Why the run aborted, or null when it did not. <paramref name="abortText"/> is the first run error that
    /// <see cref="SaysAborted"/>; <paramref name="firstError"/> the first run error of any kind.
    /// </summary>
    public static string? AbortReason(TrxProducer producer, string? runOutcome, TrxCounters? counters, TrxTally counted,
        string? abortText, string? firstError)
    {
        if (string.Equals(runOutcome, "Aborted", StringComparison.OrdinalIgnoreCase))
        {
            return abortText ?? firstError ?? "the ResultSummary outcome is \"Aborted\"";
        }

        if (abortText is not null)
        {
            return abortText;
        }

        if (counters?.Error is int errors && errors > counted.Errors)
        {
            var outside = errors - counted.Errors;
            return string.Create(CultureInfo.InvariantCulture,
                $"{TrxCountersCheck.Name(producer)} counts {outside} error(s) outside any test result (Counters error=\"{errors}\"), e.g. a failed fixture or cleanup")
                + (firstError is null ? string.Empty : $": {firstError}");
        }

        var failedRun = string.Equals(runOutcome, "Failed", StringComparison.OrdinalIgnoreCase) ||
                        string.Equals(runOutcome, "Error", StringComparison.OrdinalIgnoreCase);
        return failedRun && counted.Results == 0 && counters?.Total is null or 0
            ? firstError ?? "the run failed before any test ran"
            : null;
    }
}
