using System.Text;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

public class MarkdownSummaryTests
{
    [Fact]
    public void HostileTestNamesAndMessagesStayInsideTheirCell()
    {
        var report = SampleReports.Failing() with
        {
            Inputs = SampleReports.Failing().Inputs with
            {
                Tests = SampleReports.FailingTests with
                {
                    FailedTests = [new FailedTest("<script>alert(1)</script> | [x](http://evil) `code` *b*", "line1\nline2 | <img src=x onerror=alert(1)>")],
                },
            },
        };

        var markdown = MarkdownSummary.Render(report, null, MarkdownSummary.GitHubStepSummaryLimit)!;

        Assert.Contains("| &lt;script&gt;alert(1)&lt;/script&gt; &#124; \\[x\\](http://evil) \\`code\\` \\*b\\* | line1 line2 &#124; &lt;img src=x onerror=alert(1)&gt; |\n", markdown);
        Assert.DoesNotContain("<script", markdown);
        Assert.DoesNotContain("<img", markdown);
    }

    [Fact]
    public void TheRunsWarningsFollowTheChecksEachInItsCell()
    {
        var report = SampleReports.Passing() with
        {
            RunWarnings =
            [
                new Errors.GateDiagnostic(Errors.DiagnosticSeverity.Warning, "QG2020", "waiver | <b>unused</b>", "qualitygates.waivers.json", 4),
                Errors.GateDiagnostic.Warning("QG2013", "1 failed test tolerated"),
            ],
        };

        var markdown = MarkdownSummary.Render(report, null, MarkdownSummary.GitHubStepSummaryLimit)!;

        Assert.Contains("|\n\n**Warnings**: 2 (none changed the verdict)\n\n| Code | Warning |\n| --- | --- |\n"
            + "| QG2020 | waiver &#124; &lt;b&gt;unused&lt;/b&gt; (in qualitygates.waivers.json:4) |\n| QG2013 | 1 failed test tolerated |\n", markdown);
        Assert.DoesNotContain("**Warnings**", MarkdownSummary.Render(SampleReports.Passing(), null, MarkdownSummary.GitHubStepSummaryLimit)!);
    }

    [Fact]
    public void LongMessagesAreCutAndFailedTestsAreCapped()
    {
        var report = GitHubActionsIntegrationTests.WithFailedTests(SampleReports.Failing(), 500, new string('m', 5000)) with
        {
            Checks = [new GateCheckResult(GateNames.TestPassRate, GateStatus.Failed, 0.5, 0.98, new string('z', 100_000), "QG2001")],
        };

        var markdown = MarkdownSummary.Render(report, null, MarkdownSummary.GitHubStepSummaryLimit)!;

        Assert.Contains("| " + new string('z', 999) + "… |", markdown);
        Assert.Contains("**Failed tests**: 500 (50 listed)", markdown);
        Assert.Contains("| Suite.Test0049 |", markdown);
        Assert.DoesNotContain("Suite.Test0050", markdown);
        Assert.InRange(Encoding.UTF8.GetByteCount(markdown), 10_000, 30_000);
    }

    [Fact]
    public void NeverExceedsItsBudgetAndAlwaysSaysWhatItLeftOut()
    {
        var report = GitHubActionsIntegrationTests.WithFailedTests(SampleReports.Failing(), 60, "Expected ünïcödé ≥ 42");
        var full = MarkdownSummary.Render(report, null, long.MaxValue)!;
        var fullBytes = Encoding.UTF8.GetByteCount(full.Replace("\n", "\r\n")); // what the budget counts

        var results = Enumerable.Range(0, fullBytes + 2).Select(budget => (budget, text: MarkdownSummary.Render(report, null, budget))).ToList();

        var smallest = results.First(r => r.text is not null).budget;
        Assert.InRange(smallest, 200, 600); // the heading and table header fit in a few hundred bytes
        // Within budget even after the runner turns every LF into CRLF.
        Assert.All(results.Where(r => r.text is not null),
            r => Assert.True(Encoding.UTF8.GetByteCount(r.text!.Replace("\n", "\r\n")) <= r.budget, $"budget {r.budget}"));
        Assert.All(results.Where(r => r.text is not null && r.budget < fullBytes), r => Assert.Contains("more rows are not shown", r.text));
        Assert.Equal(full, results[^1].text);
        Assert.Contains("\n_60 more rows are not shown", results.First(r => r.text is not null).text); // 10 checks + 50 tests
    }
}
