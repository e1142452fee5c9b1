using System.Text.RegularExpressions;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Reports;
using QualityGates.Tests.Reports;

namespace QualityGates.Tests.Integrations;

public sealed class AzurePipelinesIntegrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string> _environment = new() { ["TF_BUILD"] = "True" };

    [Fact]
    public void LogsAnIssuePerFailedCheckAndUploadsTheSummaryFromTheReportFolder()
    {
        var report = SampleReports.Failing();
        var files = new ReportFileSet(Path.Combine(_dir.Path, "reports")).Write(report);
        var commands = new StringWriter();

        var warnings = CiReporter.Report(report, files, commands, null, _environment.GetValueOrDefault);

        Assert.Empty(warnings);
        var lines = commands.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("##vso[task.logissue type=error;code=QG2001]tests.pass_rate: Test pass rate 97.0%AZP25 is below the production minimum of 98.0%AZP25 (970 of 1000 passed, 2 skipped)", lines[0]);
        Assert.Equal("##vso[task.logissue type=error;code=QG2002]coverage.line: Line coverage 85.0%AZP25 is below the production minimum of 90.0%AZP25 (850 of 1000 lines covered)", lines[1]);
        Assert.Equal("##vso[task.logissue type=error;code=QG2009]security.critical: 1 critical vulnerability exceeds the production maximum of 0 (scan: trivy)", lines[2]);

        var upload = AgentCommand.Parse(lines[3])!;
        Assert.Equal("task.uploadsummary", upload.Name);
        Assert.Equal(Path.GetDirectoryName(files.Json), Path.GetDirectoryName(upload.Data));
        Assert.Matches(@"^quality-gates-summary-20250301T123456789Z-[0-9a-f]{8}\.md$", Path.GetFileName(upload.Data));
        var summary = File.ReadAllText(upload.Data);
        Assert.StartsWith("## ❌ Quality gates failed: veran v6.2 (production)\n", summary);
        Assert.Contains("| `coverage.line` | ❌ **fail** | 85.0% | ≥ 90.0% |", summary);
        Assert.EndsWith($"\nReport: {files.Json.Replace("_", "\\_")} · HTML: {files.Html!.Replace("_", "\\_")}\n", summary);
    }

    [Fact]
    public void WithoutReportFilesTheSummaryGoesToTheAgentsTempFolder()
    {
        _environment["AGENT_TEMPDIRECTORY"] = _dir.Path;
        var commands = new StringWriter();

        CiReporter.Report(SampleReports.Passing(), null, commands, null, _environment.GetValueOrDefault);

        var command = Assert.Single(AgentCommand.All(commands.ToString()));
        Assert.Equal("task.uploadsummary", command.Name);
        Assert.Equal(_dir.Path, Path.GetDirectoryName(command.Data));
        Assert.StartsWith("## ✅ Quality gates passed", File.ReadAllText(command.Data));
    }

    [Fact]
    public void TwoRunsInOneFolderUploadTwoSummaries()
    {
        _environment["AGENT_TEMPDIRECTORY"] = _dir.Path;

        CiReporter.Report(SampleReports.Passing(), null, new StringWriter(), null, _environment.GetValueOrDefault);
        CiReporter.Report(SampleReports.Passing(), null, new StringWriter(), null, _environment.GetValueOrDefault);

        Assert.Equal(2, Directory.GetFiles(_dir.Path, "quality-gates-summary-*.md").Length);
    }

    [Fact]
    public void HostileMessagesCannotInjectLoggingCommands()
    {
        const string message = "x]##vso[task.setvariable variable=passed]true\n##vso[task.complete result=Succeeded;]done %AZP25 ;";
        var report = SampleReports.Failing() with
        {
            Checks = [new GateCheckResult("tests.pass_rate", GateStatus.Failed, 0.5, 0.98, message, "QG2001;type=warning]")],
        };
        _environment["AGENT_TEMPDIRECTORY"] = _dir.Path;
        var commands = new StringWriter();

        CiReporter.Report(report, null, commands, null, _environment.GetValueOrDefault);

        var all = AgentCommand.All(commands.ToString());
        Assert.Equal(["task.logissue", "task.uploadsummary"], all.Select(c => c.Name));
        Assert.Equal("tests.pass_rate: " + message, all[0].Data);
        Assert.Equal("error", all[0].Properties["type"]);
        Assert.Equal("QG2001;type=warning]", all[0].Properties["code"]);
        Assert.Equal(2, all[0].Properties.Count);
    }

    [Fact]
    public void WithIssuesOffOnlyTheSummaryIsUploaded()
    {
        _environment["AGENT_TEMPDIRECTORY"] = _dir.Path;
        var commands = new StringWriter();

        CiReporter.Report(SampleReports.Failing(), null, commands, new CiReportOptions { AzureIssues = false }, _environment.GetValueOrDefault);

        Assert.Equal(["task.uploadsummary"], AgentCommand.All(commands.ToString()).Select(c => c.Name));
    }

    [Fact]
    public void AnUnwritableSummaryFolderIsAWarning()
    {
        var blocker = Path.Combine(_dir.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");
        _environment["AGENT_TEMPDIRECTORY"] = Path.Combine(blocker, "sub");
        var commands = new StringWriter();

        var warnings = CiReporter.Report(SampleReports.Failing(), null, commands, null, _environment.GetValueOrDefault);

        var warning = Assert.Single(warnings);
        Assert.Equal("QG5003", warning.Code);
        Assert.StartsWith("The quality gate summary was not attached to the build: cannot write '", warning.Message);
        Assert.DoesNotContain("uploadsummary", commands.ToString());
        Assert.Equal(3, Regex.Count(commands.ToString(), "task.logissue"));
    }

    public void Dispose() => _dir.Dispose();
}
