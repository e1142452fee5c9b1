using System.Text.Json;
using Microsoft.Build.Framework;
using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>The task publishes to the CI server its environment names: commands in the log, files the server reads.</summary>
public sealed class CiIntegrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AnnotatesEachFailedCheckOnceAndWritesTheGitHubStepSummaryAndOutputs()
    {
        var run = NewRun().BlockedByCoverage();
        var summary = _temp.Write("summary.md", "Earlier step\n");
        var outputs = _temp.Write("outputs.txt", string.Empty);
        GitHub(run, summary, outputs);

        Assert.False(run.Execute());

        Assert.Equal(["QG2002"], run.Engine.ErrorCodes);
        var commands = Commands(run, "::");
        var annotation = Assert.Single(commands);
        Assert.StartsWith("::error title=QG2002 coverage.line::Line coverage 75.0%25 is below the production minimum of 90.0%25", annotation);

        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("Earlier step\n\n## ❌ Quality gates failed: Tests 1.0 (production)", markdown);
        Assert.Contains("| `coverage.line` | ❌ **fail** | 75.0% | ≥ 90.0% |", markdown);
        Assert.Contains("| `tests.pass_rate` | ✅ pass | 100.0% | ≥ 98.0% |", markdown);

        var values = GitHubOutputFile.Read(outputs);
        Assert.Equal("false", values["passed"]);
        Assert.Equal("1", values["failed-count"]);
        var json = Assert.Single(run.Task.ReportFiles, f => f.GetMetadata("Kind") == "Json").ItemSpec;
        Assert.Equal(json, values["report-path"]);
        Assert.Equal(Path.Combine(_temp.Path, ".quality-gates", "gates.html"), values["html-path"]);
    }

    [Fact]
    public void WritesTheGitHubBuildIntoTheJsonReport()
    {
        var run = NewRun().Passing();
        GitHub(run, summary: null, outputs: null);
        run.Environment["GITHUB_SERVER_URL"] = "https://github.com";
        run.Environment["GITHUB_REPOSITORY"] = "acme/veran";
        run.Environment["GITHUB_RUN_ID"] = "9001";
        run.Environment["GITHUB_RUN_NUMBER"] = "17";
        run.Environment["GITHUB_SHA"] = "0209804";

        Assert.True(run.Execute());

        using var report = JsonDocument.Parse(File.ReadAllText(Assert.Single(run.Task.ReportFiles, f => f.GetMetadata("Kind") == "Json").ItemSpec));
        var ci = report.RootElement.GetProperty("ci");
        Assert.Equal("github-actions", ci.GetProperty("provider").GetString());
        Assert.Equal("17", ci.GetProperty("buildNumber").GetString());
        Assert.Equal("https://github.com/acme/veran/actions/runs/9001", ci.GetProperty("buildUrl").GetString());
        Assert.Equal("0209804", ci.GetProperty("commit").GetString());
        Assert.Empty(Commands(run, "::"));
    }

    [Fact]
    public void LogsOneAzureIssuePerFailedCheckAndUploadsTheSummary()
    {
        var run = NewRun().BlockedByCoverage();
        run.Environment["TF_BUILD"] = "True";

        Assert.False(run.Execute());

        var commands = Commands(run, "##vso[");
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("##vso[task.logissue type=error;code=QG2002]coverage.line: Line coverage 75.0%AZP25 is below", commands[0]);
        Assert.StartsWith("##vso[task.uploadsummary]" + Path.Combine(_temp.Path, ".quality-gates", "quality-gates-summary-"), commands[1]);
        var summary = commands[1]["##vso[task.uploadsummary]".Length..];
        Assert.Contains("## ❌ Quality gates failed", File.ReadAllText(summary));
    }

    [Fact]
    public void PublishesNothingWhenTheCiIntegrationIsOff()
    {
        var run = NewRun().BlockedByCoverage();
        var summary = Path.Combine(_temp.Path, "summary.md");
        var outputs = Path.Combine(_temp.Path, "outputs.txt");
        GitHub(run, summary, outputs);
        run.Set("CiIntegration", "false");

        Assert.False(run.Execute());

        Assert.Equal(["QG2002"], run.Engine.ErrorCodes);
        Assert.Empty(Commands(run, "::"));
        Assert.False(File.Exists(summary));
        Assert.False(File.Exists(outputs));
        Assert.Contains("[input] QualityGatesCiIntegration=false", run.Engine.MessagesAt(MessageImportance.Low));
    }

    [Fact]
    public void PublishesNothingOutsideACiServer()
    {
        var run = NewRun().BlockedByCoverage();

        Assert.False(run.Execute());

        Assert.Empty(Commands(run, "::"));
        Assert.Empty(Commands(run, "##vso["));
        Assert.Empty(run.Engine.Warnings);
    }

    [Fact]
    public void WarnsWithQG5003WhenTheStepSummaryCannotBeWrittenAndKeepsThePassingVerdict()
    {
        var run = NewRun().Passing();
        // A folder where the summary file should be: the append fails.
        GitHub(run, Directory.CreateDirectory(Path.Combine(_temp.Path, "summary-is-a-folder")).FullName, outputs: null);

        Assert.True(run.Execute());

        var warning = Assert.Single(run.Engine.Warnings);
        Assert.Equal("QG5003", warning.Code);
        Assert.Contains("was not added to the GitHub step summary", warning.Message);
        Assert.Equal(RecordingBuildEngine.ProjectFile, warning.File);
    }

    [Fact]
    public void RejectsAWordForTheCiSwitchNamingTheProperty()
    {
        var run = NewRun().Passing();
        run.Set("CiIntegration", "off");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0006", error.Code);
        Assert.Contains("QualityGatesCiIntegration is 'off'", error.Message);
    }

    private static void GitHub(TaskRun run, string? summary, string? outputs)
    {
        run.Environment["GITHUB_ACTIONS"] = "true";
        if (summary is not null)
        {
            run.Environment["GITHUB_STEP_SUMMARY"] = summary;
        }

        if (outputs is not null)
        {
            run.Environment["GITHUB_OUTPUT"] = outputs;
        }
    }

    /// <summary>The high-importance messages that start with <paramref name="prefix"/>: the commands a CI server would act on.</summary>
    private static List<string> Commands(TaskRun run, string prefix) =>
        run.Engine.MessagesAt(MessageImportance.High).Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private TaskRun NewRun()
    {
        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, ".quality-gates"));
        run.Set("ModelName", "Tests");
        run.Set("ModelVersion", "1.0");
        return run;
    }
}
