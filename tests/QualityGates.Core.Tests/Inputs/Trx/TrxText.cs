using System.Globalization;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>Small hand-written TRX documents for the reader's edge cases.</summary>
internal static class TrxText
{
    public const string Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>A TestRun with the given Results content and, unless null, a ResultSummary with Counters.</summary>
    public static string Run(string results, string? counters, string outcome = "Completed", string times = DefaultTimes)
    {
        var summary = counters is null
            ? string.Empty
            : $"""<ResultSummary outcome="{outcome}"><Counters {counters} /></ResultSummary>""";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="00000000-0000-0000-0000-000000000001" name="hand written" xmlns="{Namespace}">
              {times}
              <Results>
            {results}
              </Results>
              {summary}
            </TestRun>
            """;
    }

    public const string DefaultTimes = """<Times creation="2026-01-01T10:00:05+00:00" start="2026-01-01T10:00:00+00:00" finish="2026-01-01T10:00:10+00:00" />""";

    /// <summary>One result without children.</summary>
    public static string Result(string name, string outcome, string duration = "00:00:00.1000000") =>
        $"""    <UnitTestResult testName="{name}" outcome="{outcome}" duration="{duration}" />""";

    /// <summary>One failed result with an ErrorInfo message (already XML-escaped).</summary>
    public static string FailedResult(string name, string escapedMessage) =>
        $"""
            <UnitTestResult testName="{name}" outcome="Failed" duration="00:00:00.1000000">
              <Output>
                <ErrorInfo>
                  <Message>{escapedMessage}</Message>
                  <StackTrace>   at {name}()</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
        """;

    /// <summary>Counters as VSTest writes them: the four it fills in, the rest zero.</summary>
    public static string Counters(int total, int executed, int passed, int failed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"""total="{total}" executed="{executed}" passed="{passed}" failed="{failed}" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" """);
}
