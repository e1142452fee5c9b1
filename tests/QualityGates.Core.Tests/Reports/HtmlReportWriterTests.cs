using System.Text.RegularExpressions;
using QualityGates.Gates;
using QualityGates.Inputs.Cobertura;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Reports.Html;

namespace QualityGates.Tests.Reports;

public class HtmlReportWriterTests
{
    [Fact]
    public void ShowsTheVerdictContextAndModelInTheBanner()
    {
        var failed = HtmlReportWriter.ToHtml(SampleReports.Failing());
        var passed = HtmlReportWriter.ToHtml(SampleReports.Passing());

        Assert.Contains("<header class=\"verdict failed\">\n<h1>FAILED</h1>\n<div class=\"what\">veran v6.2 · production</div>\n"
            + "<div class=\"counts\">3 failed · 7 passed · 0 skipped of 10 checks · 2025-03-01 12:34:56 UTC</div>", failed);
        Assert.Contains("<title>Quality gates FAILED – veran v6.2 · production</title>", failed);
        Assert.Contains("<header class=\"verdict passed\">\n<h1>PASSED</h1>", passed);
    }

    [Fact]
    public void HasOneRowPerCheckInCheckOrder()
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.Failing());

        var gates = Regex.Matches(html, "<tr class=\"(passed|failed|skipped)\"><td><code>([a-z_.]+)</code>").Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
        Assert.Equal(
        [
            ("tests.pass_rate", "failed"), ("coverage.line", "failed"), ("model.quality_score", "passed"), ("model.regression", "passed"),
            ("model.latency_increase", "passed"), ("model.memory_increase", "passed"), ("model.throughput", "passed"),
            ("security.critical", "failed"), ("security.high", "passed"), ("security.medium", "passed"),
        ], gates);
        Assert.Contains("<td class=\"num\">97.0%</td><td class=\"num\">≥ 98.0%</td>", html);
        Assert.Contains("<br><span class=\"note\">QG2001</span>", html);
    }

    [Theory]
    // A minimum on the fixed 0–100 % scale: the failing zone is left of the mark.
    [InlineData("tests.pass_rate", "failed", "<span class=\"zone\" style=\"left:0;width:98%\"></span><span class=\"fill failed\" style=\"width:97%\"></span><span class=\"mark\" style=\"left:98%\"></span>")]
    [InlineData("coverage.line", "failed", "<span class=\"zone\" style=\"left:0;width:90%\"></span><span class=\"fill failed\" style=\"width:85%\"></span><span class=\"mark\" style=\"left:90%\"></span>")]
    // A count over a maximum of 0: scale 1.25, the failing zone is right of the mark.
    [InlineData("security.critical", "failed", "<span class=\"zone\" style=\"left:0%;right:0\"></span><span class=\"fill failed\" style=\"width:80%\"></span><span class=\"mark\" style=\"left:0%\"></span>")]
    // Other minimums scale to 125 % of the larger figure: 45.2 tok/s against 10.
    [InlineData("model.throughput", "passed", "<span class=\"zone\" style=\"left:0;width:17.7%\"></span><span class=\"fill passed\" style=\"width:80%\"></span><span class=\"mark\" style=\"left:17.7%\"></span>")]
    // Percent: 5.26 % memory increase against a 15 % maximum.
    [InlineData("model.memory_increase", "passed", "<span class=\"zone\" style=\"left:80%;right:0\"></span><span class=\"fill passed\" style=\"width:28.07%\"></span><span class=\"mark\" style=\"left:80%\"></span>")]
    // An improvement (negative regression) draws an empty bar; the value column says -2.4%.
    [InlineData("model.regression", "passed", "<span class=\"zone\" style=\"left:80%;right:0\"></span><span class=\"fill passed\" style=\"width:0%\"></span><span class=\"mark\" style=\"left:80%\"></span>")]
    public void DrawsEachBarAgainstItsThreshold(string gate, string status, string bar)
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.Failing());

        var row = Regex.Match(html, $"<tr class=\"{status}\"><td><code>{Regex.Escape(gate)}</code>.*?</tr>").Value;
        Assert.Contains(bar + "</div>", row);
    }

    [Fact]
    public void AMissingValueShowsOnlyTheThresholdMark()
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.TestsOnly());

        var row = Regex.Match(html, "<tr class=\"skipped\"><td><code>coverage.line</code>.*?</tr>").Value;
        Assert.Contains("<div class=\"bar none\" role=\"img\" aria-label=\"no value against a minimum of 90.0%\" title=\"no value against a minimum of 90.0%\">"
            + "<span class=\"zone\" style=\"left:0;width:90%\"></span><span class=\"mark\" style=\"left:90%\"></span></div>", row);
        Assert.Contains("<span class=\"badge skipped\">SKIP</span>", row);
        Assert.DoesNotContain("class=\"fill", row);
    }

    [Fact]
    public void ListsFailedTestsWithEscapedNamesAndMessages()
    {
        var report = SampleReports.Evaluate(new GateInputs
        {
            Tests = SampleReports.FailingTests with
            {
                FailedTests =
                [
                    new FailedTest("Suite.<script>alert('x')</script>", "Expected \"a\" < \"b\" & more\nsecond line"),
                    new FailedTest("Suite.Plain", "Expected 42, Actual 41"),
                ],
            },
        });

        var html = HtmlReportWriter.ToHtml(report);

        Assert.Contains("<h3>Failed tests (2 of 30 listed)</h3>", html);
        Assert.Contains("<li><div class=\"name\">Suite.&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</div><pre>Expected &quot;a&quot; &lt; &quot;b&quot; &amp; more\nsecond line</pre></li>", html);
        Assert.Contains("<li><div class=\"name\">Suite.Plain</div><pre>Expected 42, Actual 41</pre></li>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CapsTheFailedTestListAndCutsLongMessages()
    {
        var tests = SampleReports.FailingTests with
        {
            Failed = 250,
            FailedTests = Enumerable.Range(0, 250).Select(i => new FailedTest($"T{i}", new string('m', 10_000))).ToList(),
        };

        var html = HtmlReportWriter.ToHtml(SampleReports.Evaluate(new GateInputs { Tests = tests }));

        Assert.Contains("<h3>Failed tests (200 of 250 listed)</h3>", html);
        Assert.Contains("<div class=\"name\">T199</div>", html);
        Assert.DoesNotContain("<div class=\"name\">T200</div>", html);
        Assert.Contains("<pre>" + new string('m', 3999) + "…</pre>", html);
    }

    [Fact]
    public void ShowsCoveragePerAssemblyFromARealCoberturaFile()
    {
        var coverage = new CoberturaReader().ReadAll([Fixtures.Path("cobertura", "ms-codecoverage", "guardclauses.mscodecoverage.cobertura.xml")]);

        var html = HtmlReportWriter.ToHtml(SampleReports.Evaluate(new GateInputs { Coverage = coverage }));

        var rows = Regex.Matches(html, "<tr><td>([^<]*|<b>All</b>)</td><td class=\"num\">(\\d+) of (\\d+)</td><td class=\"num\">([0-9.]+%)</td>")
            .Select(m => (m.Groups[1].Value, m.Groups[4].Value)).ToList();
        Assert.Equal([("Ardalis.GuardClauses", "50.0%"), ("GuardClauses.UnitTests", "98.1%"), ("<b>All</b>", "89.6%")], rows);
        Assert.Contains("<tr><td><b>All</b></td><td class=\"num\">3023 of 3373</td>", html);
        Assert.Contains("<td class=\"num\">717 of 742</td><td class=\"num\">96.6%</td>", html);
        Assert.Contains("the line coverage minimum of this run, 90.0%,", html);
    }

    [Fact]
    public void ShowsSecurityCountsAndModelMetrics()
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.Failing());

        Assert.Contains("<li><b>1</b> critical</li><li><b>1</b> high</li><li><b>3</b> medium</li><li><b>7</b> low</li><li><b>1</b> unknown</li><li><b>13</b> total</li>", html);
        Assert.Contains("<tr><td><code>quality_score</code></td><td class=\"num\">0.87</td><td class=\"num\">0.85</td></tr>", html);
        Assert.Contains("<tr><td><code>latency_ms</code></td><td class=\"num\">100</td><td class=\"num\">95</td></tr>", html);
    }

    /// <summary>Right after the checks: a run that passed with warnings shows them nowhere else a person looks.</summary>
    [Fact]
    public void ListsTheRunsWarningsEscapedWithTheirFileAfterTheChecks()
    {
        var report = SampleReports.Passing() with
        {
            RunWarnings = [new Errors.GateDiagnostic(Errors.DiagnosticSeverity.Warning, "QG2020", "<script>alert(1)</script> & more", "/repo/config/qualitygates.waivers.json", 4)],
        };

        var html = HtmlReportWriter.ToHtml(report, repositoryRoot: "/repo");

        Assert.Contains("<section id=\"warnings\">\n<h2>Warnings (1)</h2>\n<table class=\"warnings\">\n<thead><tr><th>Code</th><th>Warning</th></tr></thead>\n<tbody>\n"
            + "<tr><td><code>QG2020</code></td><td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more<br><span class=\"note\">in <code>config/qualitygates.waivers.json:4</code></span></td></tr>\n", html);
        Assert.True(html.IndexOf("<section id=\"checks\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"warnings\">", StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"warnings\"", HtmlReportWriter.ToHtml(SampleReports.Passing()));
    }

    [Fact]
    public void IsSelfContained()
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.Failing());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.EndsWith("</body>\n</html>\n", html);
    }

    [Fact]
    public void ARunWithoutChecksStillMakesAPage()
    {
        var html = HtmlReportWriter.ToHtml(SampleReports.Empty());

        Assert.Contains("<h1>PASSED</h1>\n<div class=\"what\">production context</div>", html);
        Assert.Contains("<p class=\"note\">No check was selected for this run.</p>", html);
    }

    [Fact]
    public void TheReportFolderGetsThePageNextToTheJUnitFile()
    {
        using var folder = new TempDirectory();

        var files = new ReportFileSet(folder.Path).Write(SampleReports.Failing());

        Assert.Equal(Path.Combine(folder.Path, "gates.html"), files.Html);
        Assert.Equal(Path.GetDirectoryName(files.JUnit), Path.GetDirectoryName(files.Html));
        Assert.Equal(HtmlReportWriter.ToHtml(SampleReports.Failing()), File.ReadAllText(files.Html!));
        Assert.Contains(files.Html, files.All);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }
}
