using System.Text;
using System.Text.RegularExpressions;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

public sealed class GitHubActionsIntegrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string> _environment;

    public GitHubActionsIntegrationTests()
    {
        _environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = "/builds",
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir.Path, "step_summary"),
            ["GITHUB_OUTPUT"] = Path.Combine(_dir.Path, "output"),
        };
    }

    private string SummaryFile => _environment["GITHUB_STEP_SUMMARY"];

    private string OutputFile => _environment["GITHUB_OUTPUT"];

    [Fact]
    public void AnnotatesEachFailedCheckOnceWithItsCodeAndInputFile()
    {
        var commands = new StringWriter();

        var warnings = Publish(SampleReports.Failing(), null, commands);

        Assert.Empty(warnings);
        Assert.Equal(
        [
            "::error title=QG2001 tests.pass_rate,file=tests.trx::Test pass rate 97.0%25 is below the production minimum of 98.0%25 (970 of 1000 passed, 2 skipped)",
            "::error title=QG2002 coverage.line::Line coverage 85.0%25 is below the production minimum of 90.0%25 (850 of 1000 lines covered)",
            "::error title=QG2009 security.critical,file=trivy.json::1 critical vulnerability exceeds the production maximum of 0 (scan: trivy)",
        ], Lines(commands));
    }

    [Fact]
    public void AnInputOutsideTheWorkspaceIsNotNamedAsTheAnnotationFile()
    {
        _environment["GITHUB_WORKSPACE"] = "/home/runner/work/repo";
        var commands = new StringWriter();

        Publish(SampleReports.Failing(), null, commands);

        Assert.All(RunnerCommand.All(commands.ToString()), c => Assert.False(c.Properties.ContainsKey("file")));
    }

    [Fact]
    public void WithAnnotationsOffNoCommandIsWrittenButTheSummaryAndOutputsAre()
    {
        var commands = new StringWriter();

        Publish(SampleReports.Failing(), null, commands, new CiReportOptions { GitHubAnnotations = false });

        Assert.Equal(string.Empty, commands.ToString());
        Assert.Contains("| `tests.pass_rate` | ❌ **fail** |", File.ReadAllText(SummaryFile));
        Assert.Equal("false", GitHubOutputFile.Read(OutputFile)["passed"]);
    }

    [Fact]
    public void HostileMessagesCannotInjectWorkflowCommands()
    {
        const string message = "boom\n::set-output name=passed::true\r\n::add-mask::x %0A::warning::no :: end";
        const string gate = "tests.pass_rate,file=/etc/passwd:evil";
        var report = SampleReports.Failing() with
        {
            Checks = [new GateCheckResult(gate, GateStatus.Failed, 0.5, 0.98, message, "QG2001")],
        };
        var commands = new StringWriter();

        Publish(report, null, commands);

        var line = Assert.Single(Lines(commands));
        var command = Assert.Single(RunnerCommand.All(commands.ToString()));
        Assert.StartsWith("::error title=", line);
        Assert.Equal("error", command.Name);
        Assert.Equal(message, command.Data);
        Assert.Equal("QG2001 " + gate, command.Properties["title"]);
        Assert.Equal(["title"], command.Properties.Keys); // no file= smuggled in through the gate name
    }

    [Fact]
    public void AppendsTheCheckTableToTheStepSummaryAfterEarlierContent()
    {
        File.WriteAllText(SummaryFile, "Earlier step output\n");

        Publish(SampleReports.Failing(), null, new StringWriter());

        var summary = File.ReadAllText(SummaryFile);
        Assert.StartsWith("Earlier step output\n\n## ❌ Quality gates failed: veran v6.2 (production)\n\n**3 failed**, 7 passed, 0 skipped of 10 checks · 2025-03-01 12:34:56 UTC\n", summary);
        Assert.Contains("| Gate | Status | Value | Threshold | Message |\n| --- | --- | --- | --- | --- |\n", summary);
        Assert.Contains("| `tests.pass_rate` | ❌ **fail** | 97.0% | ≥ 98.0% | Test pass rate 97.0% is below the production minimum of 98.0% (970 of 1000 passed, 2 skipped) |\n", summary);
        Assert.Contains("| `model.quality_score` | ✅ pass | 0.87 | ≥ 0.7 |", summary);
        Assert.Contains("| `security.critical` | ❌ **fail** | 1 | ≤ 0 |", summary);
        Assert.Equal(10, Regex.Count(summary, @"^\| `[a-z_.]+` \|", RegexOptions.Multiline));
        Assert.Contains("**Failed tests**: 30 (1 listed)\n\n| Test | Message |\n| --- | --- |\n| Suite.FailsOnPurpose | Expected 42, Actual 41 |\n", summary);
    }

    [Fact]
    public void WritesPassedFailedCountAndReportPathsToTheOutputFile()
    {
        var files = new ReportFileSet(Path.Combine(_dir.Path, "reports")).Write(SampleReports.Failing());

        Publish(SampleReports.Failing(), files, new StringWriter());

        var outputs = GitHubOutputFile.Read(OutputFile);
        Assert.Equal("false", outputs["passed"]);
        Assert.Equal("3", outputs["failed-count"]);
        Assert.Equal(files.Json, outputs["report-path"]);
        Assert.Equal(files.Html, outputs["html-path"]);
        Assert.Equal(4, outputs.Count);
        Assert.Matches(@"^passed=false\nfailed-count=3\nreport-path<<(ghadelimiter_[0-9a-f]{32})\n[^\n]+\n\1\nhtml-path<<(ghadelimiter_[0-9a-f]{32})\n[^\n]+\n\2\n$",
            File.ReadAllText(OutputFile));
    }

    [Fact]
    public void APassingRunWithoutReportFilesWritesOnlyPassedAndFailedCount()
    {
        var commands = new StringWriter();

        Publish(SampleReports.Passing(), null, commands);

        Assert.Equal(string.Empty, commands.ToString());
        Assert.Equal("passed=true\nfailed-count=0\n", File.ReadAllText(OutputFile));
        Assert.StartsWith("## ✅ Quality gates passed: veran v6.2 (production)", File.ReadAllText(SummaryFile));
    }

    [Fact]
    public void MultilineOutputValuesSurviveTheRoundTrip()
    {
        File.WriteAllText(OutputFile, GitHubOutputs.Multiline("report-path", "/a/b\nc=d<<e") + GitHubOutputs.Simple("passed", "true"));

        var outputs = GitHubOutputFile.Read(OutputFile);

        Assert.Equal("/a/b\nc=d<<e", outputs["report-path"]);
        Assert.Equal("true", outputs["passed"]);
        Assert.Throws<ArgumentException>(() => GitHubOutputs.Simple("passed", "true\nfailed=0"));
    }

    [Fact]
    public void AStepSummaryNearItsLimitGetsTheRowsThatFitAndANote()
    {
        var report = WithFailedTests(SampleReports.Failing(), 5000, new string('x', 400));
        var files = new ReportFileSet(Path.Combine(_dir.Path, "reports")).Write(report);
        var earlier = (int)MarkdownSummary.GitHubStepSummaryBudget - 6000;
        File.WriteAllText(SummaryFile, new string('e', earlier));

        var warnings = Publish(report, files, new StringWriter());

        Assert.Empty(warnings);
        var bytes = new FileInfo(SummaryFile).Length;
        Assert.InRange(bytes, earlier + 1000, MarkdownSummary.GitHubStepSummaryBudget);
        var added = File.ReadAllText(SummaryFile)[earlier..];
        Assert.True(bytes + added.Count(c => c == '\n') <= MarkdownSummary.GitHubStepSummaryBudget, "still within budget with CRLF line ends");
        Assert.StartsWith("\n## ❌ Quality gates failed", added);
        Assert.Matches(@"\n_\d+ more rows are not shown: a step summary is limited to 1 MiB\. The full report is .+report-.+\.json\._\n", added);
    }

    [Fact]
    public void AFullStepSummaryIsLeftAloneWithAWarning()
    {
        File.WriteAllText(SummaryFile, new string('e', (int)MarkdownSummary.GitHubStepSummaryBudget - 100));

        var warnings = Publish(SampleReports.Failing(), null, new StringWriter());

        Assert.Equal(MarkdownSummary.GitHubStepSummaryBudget - 100, new FileInfo(SummaryFile).Length);
        Assert.Equal("The quality gate table was not added to the GitHub step summary: '" + SummaryFile + "' already holds 982940 bytes, too close to its 1 MiB limit.",
            Assert.Single(warnings));
    }

    [Fact]
    public void AnUnwritableSummaryOrOutputFileIsAWarningNotAnError()
    {
        _environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir.Path, "missing-folder", "summary");
        _environment["GITHUB_OUTPUT"] = Path.Combine(_dir.Path, "missing-folder", "output");

        var warnings = Publish(SampleReports.Failing(), null, new StringWriter());

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("The quality gate table was not added to the GitHub step summary '", warnings[0]);
        Assert.StartsWith("The quality gate outputs were not written to the GitHub output file '", warnings[1]);
    }

    [Fact]
    public void ParallelRunsAppendWholeSummariesAndOutputs()
    {
        const int Writers = 8;
        const int RunsEach = 5;

        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, _ =>
        {
            for (var run = 0; run < RunsEach; run++)
            {
                Publish(SampleReports.Failing(), null, new StringWriter());
            }
        });

        var blocks = File.ReadAllText(SummaryFile).Split("\n## ").Select(b => b.TrimStart('#', ' ').TrimEnd('\n')).ToList();
        Assert.Equal(Writers * RunsEach, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(blocks[0], b));
        Assert.Equal(string.Concat(Enumerable.Repeat("passed=false\nfailed-count=3\n", Writers * RunsEach)), File.ReadAllText(OutputFile));
    }

    private IReadOnlyList<string> Publish(QualityGateReport report, ReportFiles? files, TextWriter commands, CiReportOptions? options = null) =>
        CiReporter.Report(report, files, commands, options, _environment.GetValueOrDefault).Select(w => w.Message).ToList();

    private static string[] Lines(StringWriter commands) =>
        commands.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    internal static QualityGateReport WithFailedTests(QualityGateReport report, int count, string message) => report with
    {
        Inputs = report.Inputs with
        {
            Tests = report.Inputs.Tests! with
            {
                Failed = count,
                FailedTests = Enumerable.Range(0, count).Select(i => new FailedTest($"Suite.Test{i:0000}", message)).ToList(),
            },
        },
    };

    public void Dispose() => _dir.Dispose();
}
