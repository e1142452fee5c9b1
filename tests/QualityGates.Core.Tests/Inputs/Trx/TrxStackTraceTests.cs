using System.Text;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using QualityGates.Reports.Html;
using QualityGates.Tests.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>Failed tests keep their own stack trace, bounded, and gates.html shows it with the source location.</summary>
public sealed class TrxStackTraceTests
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");

    [Fact]
    public void KeepsEachFailedTestsStackTraceAndItsFirstSourceLocation()
    {
        var tests = new TrxReader().Read(FailSkipTrx);

        var thrown = tests.FailedTests.Single(t => t.Name.EndsWith("DeliberatelyThrowingException", StringComparison.Ordinal));
        Assert.StartsWith("   at GuardClauses.UnitTests.DeliberateOutcomeTests.DeliberatelyThrowingException() in /home/runner/work/GuardClauses/test/", thrown.StackTrace);
        Assert.Equal(("/home/runner/work/GuardClauses/test/GuardClauses.UnitTests/DeliberateOutcomeTests.cs", 24), thrown.SourceLocation);
        Assert.All(tests.FailedTests, t => Assert.NotNull(t.StackTrace));
    }

    [Fact]
    public void CutsALongStackTraceAndHasNoLocationWithoutLineNumbers()
    {
        var frames = string.Concat(Enumerable.Repeat("   at Some.Frame()\n", 1000));
        var trx = new StringBuilder()
            .Append("<?xml version=\"1.0\"?><TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results>")
            .Append("<UnitTestResult testName=\"T\" outcome=\"Failed\"><Output><ErrorInfo><Message>boom</Message><StackTrace>")
            .Append(frames).Append("</StackTrace></ErrorInfo></Output></UnitTestResult></Results>")
            .Append("<ResultSummary outcome=\"Failed\"><Counters total=\"1\" executed=\"1\" passed=\"0\" failed=\"1\" /></ResultSummary></TestRun>")
            .ToString();
        using var dir = new TempDirectory();

        var test = Assert.Single(new TrxReader().Read(dir.Write("long.trx", trx)).FailedTests);

        Assert.Equal(TrxReader.MaxStackTraceLength + 1, test.StackTrace!.Length); // the kept text, then "…"
        Assert.EndsWith("…", test.StackTrace);
        Assert.Null(test.SourceLocation);
    }

    [Fact]
    public void ThePageShowsTheLocationRelativeToTheRepositoryAndTheStackTrace()
    {
        var failed = new FailedTest("Suite.Fails", "Expected 42", StackTrace: "   at Suite.Fails() in /repo/tests/SuiteTests.cs:line 18");
        var report = SampleReports.Failing() with
        {
            Inputs = new() { Tests = new TestRunSummary { Total = 1, Failed = 1, FailedTests = [failed] } },
        };

        var page = HtmlReportWriter.ToHtml(report, "/repo");

        Assert.Contains("<div class=\"note\">at <code>tests/SuiteTests.cs:18</code></div>", page);
        Assert.Contains("<pre class=\"stack\">   at Suite.Fails() in tests/SuiteTests.cs:line 18</pre>", page);
    }
}
