using System.Text.RegularExpressions;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// The program that wrote a TRX file. They share the format but not the counting rules of
/// <c>ResultSummary/Counters</c> nor the way they say a run broke, so both are judged by the writer's rules.
/// </summary>
internal enum TrxProducer
{
    /// <summary>No writer's marks: the counters may follow any known writer's rules.</summary>
    Unknown,

    /// <summary>VSTest's <c>trx</c> logger (<c>dotnet test --logger trx</c>; also NUnit's and MSTest's VSTest adapters).</summary>
    VSTest,

    /// <summary>Microsoft.Testing.Platform's TrxReport extension (<c>--report-trx</c>; MSTest, NUnit, xunit.v3 and TUnit under MTP).</summary>
    TestingPlatform,

    /// <summary>xunit.v3's own runner (<c>-trx</c>/<c>--report-xunit-trx</c>), its XSLT or its code writer.</summary>
    XunitV3,
}

/// <summary>Tells the <see cref="TrxProducer"/> from the marks each writer leaves in the file's head.</summary>
internal static partial class TrxProducerDetector
{
    /// <summary>
    /// The fixed <c>TestSettings/@id</c> of xunit.v3's code TRX writer (xunit/xunit,
    /// src/xunit.v3.runner.common/Transforms/TransformFactory.cs, <c>Handler_TRX</c>).
    /// </summary>
    private const string XunitTestSettingsId = "6c4d5628-128d-4c3b-a1a4-ab366a4594ad";

    /// <summary>
    /// Decides the writer from <c>TestRun/@name</c>, <c>TestSettings/@id</c> and <c>ResultSummary/@outcome</c>
    /// (each null when the file has none).
    /// </summary>
    public static TrxProducer Detect(string? runName, string? testSettingsId, string? summaryOutcome)
    {
        // xunit.v3: its code writer stamps a fixed TestSettings id and writes the outcome "Complete"; its
        // older TRX.xslt writes a summary outcome of "Passed", which neither VSTest (Passed becomes
        // "Completed" in TrxLogger.TestRunCompleteHandler) nor MTP (TrxReportEngine maps it to "Completed")
        // ever writes. Its newest XSLT leaves no mark, and counts like VSTest, so it reads as Unknown.
        if (string.Equals(testSettingsId, XunitTestSettingsId, StringComparison.OrdinalIgnoreCase)
            || summaryOutcome is "Complete" or "Passed")
        {
            return TrxProducer.XunitV3;
        }

        if (runName is null)
        {
            return TrxProducer.Unknown;
        }

        // Both name the run "user@machine <local time>"; MTP's TrxReportEngine formats the time as
        // "yyyy-MM-dd HH:mm:ss.fff", VSTest's TestRun as "yyyy-MM-dd HH:mm:ss" (the shared fixtures).
        var time = RunNameTime().Match(runName);
        if (!time.Success)
        {
            return TrxProducer.Unknown;
        }

        return time.Groups["ms"].Success ? TrxProducer.TestingPlatform : TrxProducer.VSTest;
    }

    [GeneratedRegex(@"@\S* \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?<ms>\.\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunNameTime();
}
