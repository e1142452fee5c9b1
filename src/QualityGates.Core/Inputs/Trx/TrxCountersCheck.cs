using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Inputs.Trx;

/// <summary>What the reader counted in one file, over results at every depth, by exact outcome.</summary>
/// <param name="Results">every <c>UnitTestResult</c>, top-level and inner</param>
/// <param name="Executed">results whose outcome counts as passed or failed</param>
/// <param name="Passed">results with the outcome <c>Passed</c></param>
/// <param name="Failed">results with the outcome <c>Failed</c></param>
/// <param name="Errors">results with the outcome <c>Error</c></param>
/// <param name="Parents">data-driven parents (<c>resultType="DataDrivenTest"</c>, at any depth): all, and those exactly <c>Passed</c> and <c>Failed</c></param>
internal readonly record struct TrxTally(int Results, int Executed, int Passed, int Failed, int Errors, DataDrivenParents Parents = default);

/// <summary>The data-driven parents among the results: how many, and how many are exactly <c>Passed</c> and <c>Failed</c>.</summary>
internal readonly record struct DataDrivenParents(int All, int Passed, int Failed);

/// <summary>
/// Compares what was counted while streaming with the file's own <c>ResultSummary/Counters</c>, by the
/// counting rules of the program that wrote the file. A file that no writer could have written
/// (hand-edited, merged by a script, half-written) is refused: better a coded error than a gate decided
/// on figures that contradict each other.
/// </summary>
internal static class TrxCountersCheck
{
    /// <summary>
    /// Throws <see cref="ErrorCodes.TrxCountersDisagree"/> (QG1011) when the counters break the rules of
    /// <paramref name="producer"/>, or, for <see cref="TrxProducer.Unknown"/>, the rules of every known writer.
    /// A counter the file leaves out is not checked.
    /// </summary>
    public static void Verify(TrxCounters counters, TrxTally counted, TrxProducer producer, string path)
    {
        var agrees = producer switch
        {
            TrxProducer.VSTest => VSTestRules(counters, counted),
            TrxProducer.TestingPlatform => TestingPlatformRules(counters, counted),
            TrxProducer.XunitV3 => XunitRules(counters, counted),
            _ => VSTestRules(counters, counted) || TestingPlatformRules(counters, counted) || XunitRules(counters, counted),
        };
        if (agrees)
        {
            return;
        }

        var found = string.Create(CultureInfo.InvariantCulture,
            $"total={counted.Results} executed={counted.Executed} passed={counted.Passed} failed={counted.Failed}");
        var rules = producer == TrxProducer.Unknown ? "any known TRX writer's counting rules" : $"the counting rules of {Name(producer)}, which wrote it";
        throw new QualityGatesException(ErrorCodes.TrxCountersDisagree,
            $"'{path}' (line {counters.Line}): the ResultSummary Counters ({counters.Describe()}) disagree with the UnitTestResult elements in the file ({found}) under {rules}.",
            path, counters.Line);
    }

    /// <summary>The writer's name as shown in messages.</summary>
    public static string Name(TrxProducer producer) => producer switch
    {
        TrxProducer.VSTest => "VSTest's trx logger",
        TrxProducer.TestingPlatform => "Microsoft.Testing.Platform's TRX report",
        TrxProducer.XunitV3 => "xunit.v3's TRX report",
        _ => "an unknown TRX writer",
    };

    // microsoft/vstest, src/Microsoft.TestPlatform.Extensions.TrxLogger/TrxLogger.cs, TestResultHandler: every
    // result event adds to total; passed and failed count the exact outcomes; executed = passed + failed.
    // Up to 18.8 that included the parent of a data-driven test besides its rows. From 18.9.0 (https://github.com/microsoft/vstest/pull/15766,
    // https://github.com/microsoft/vstest/issues/15643) the logger undoes the parent's count, by its outcome, when its first row arrives;
    // the parent is then written resultType="DataDrivenTest". The file does not say which version wrote it, so
    // either rule is the writer's. mstest.exe gave Error and Timeout counters of their own.
    private static bool VSTestRules(TrxCounters c, TrxTally t) =>
        CountsAll(c, t) || CountsAll(c, t with
        {
            Results = t.Results - t.Parents.All,
            Passed = t.Passed - t.Parents.Passed,
            Failed = t.Failed - t.Parents.Failed,
            Executed = t.Executed - t.Parents.Passed - t.Parents.Failed,
        });

    private static bool CountsAll(TrxCounters c, TrxTally t) =>
        Agrees(c.Total, t.Results) && Agrees(c.Executed, t.Executed) && Agrees(c.Passed, t.Passed) && Agrees(c.Failed, t.Failed);

    // microsoft/testfx, TrxReportEngine.AddResultSummaryAsync: total = results; a timed-out test is written
    // outcome="Failed" but counted in "timeout", outside "failed" and "executed" (executed = passed + failed);
    // https://github.com/microsoft/testfx/issues/3769. MTP writes no inner results.
    private static bool TestingPlatformRules(TrxCounters c, TrxTally t)
    {
        var timeout = c.Timeout ?? 0;
        return Agrees(c.Total, t.Results) && Agrees(c.Passed, t.Passed)
            && Agrees(c.Failed, t.Failed - timeout) && Agrees(c.Executed, t.Passed + t.Failed - timeout);
    }

    // xunit/xunit, src/xunit.v3.runner.common/Transforms (TRX.xslt, TransformFactory.Handler_TRX): total,
    // passed and failed from the assembly totals, executed = total - skipped - not run. The first TRX.xslt
    // wrote no "passed" counter and executed = total - failed - skipped - not run (the passed tests).
    private static bool XunitRules(TrxCounters c, TrxTally t) =>
        CountsAll(c, t)
        || (c.Passed is null && Agrees(c.Total, t.Results) && Agrees(c.Failed, t.Failed) && Agrees(c.Executed, t.Passed));

    private static bool Agrees(int? counter, int counted) => counter is null || counter.Value == counted;
}
