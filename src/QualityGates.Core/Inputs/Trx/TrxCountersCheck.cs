using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Compares what was counted while streaming with the file's own <c>ResultSummary/Counters</c>, which VSTest
/// writes after the results. A mismatch means a hand-edited, merged or half-written file: better a coded
/// error than a gate decided on figures that contradict each other.
/// </summary>
internal static class TrxCountersCheck
{
    /// <summary>
    /// Throws <see cref="ErrorCodes.TrxCountersDisagree"/> when a counter present in the file differs from
    /// the results. The figures are over results at every depth, because VSTest's counters include the
    /// inner results of data-driven tests; <c>passed</c> and <c>failed</c> are the exact outcomes
    /// <c>Passed</c> and <c>Failed</c> (error, timeout and aborted have counters of their own).
    /// </summary>
    public static void Verify(TrxCounters counters, int total, int executed, int passed, int failed, string path)
    {
        if (Agrees(counters.Total, total) && Agrees(counters.Executed, executed) &&
            Agrees(counters.Passed, passed) && Agrees(counters.Failed, failed))
        {
            return;
        }

        var found = string.Create(CultureInfo.InvariantCulture,
            $"total={total} executed={executed} passed={passed} failed={failed}");
        throw new QualityGatesException(ErrorCodes.TrxCountersDisagree,
            $"'{path}' (line {counters.Line}): the ResultSummary Counters ({counters.Describe()}) disagree with the UnitTestResult elements in the file ({found}).",
            path, counters.Line);
    }

    private static bool Agrees(int? counter, int counted) => counter is null || counter.Value == counted;
}
