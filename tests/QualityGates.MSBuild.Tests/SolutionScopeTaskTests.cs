using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>
/// QualityGatesScope in the tasks, VSTest mode: the solution's build starts the run (StartSolutionRun), each
/// project hands in under its run id and logs nothing of the solution, and the solution's verdict comes back
/// whole from the verdict task for the solution's build to log (LogQualityGateErrors), against the solution file.
/// </summary>
public sealed class SolutionScopeTaskTests : IDisposable
{
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SolutionReports => Path.Combine(_temp.Path, ".quality-gates");

    private string SolutionFile => Path.Combine(_temp.Path, "Shop.slnx");

    private string ProjectFile(string name) => Path.Combine(_temp.Path, name, name + ".csproj");

    private TaskRun Project(string name, string trx, string scope = "Solution", string? runId = null)
    {
        var folder = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(folder);
        var run = new TaskRun(folder, Path.Combine(folder, ".quality-gates"));
        run.Task.ProjectFile = ProjectFile(name);
        run.Set("Context", "production");
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [trx]);
        run.Set("Scope", scope);
        run.Set("SolutionReportDirectory", SolutionReports);
        run.Task.SolutionRunId = runId;
        run.Task.DeferErrors = true;
        return run;
    }

    private (StartSolutionRun Task, RecordingBuildEngine Engine) Start(string judge = "Solution", params string[] projects)
    {
        var engine = new RecordingBuildEngine();
        var task = new StartSolutionRun
        {
            BuildEngine = engine,
            SolutionFile = SolutionFile,
            Judge = judge,
            Members = projects.Select(p => Member(ProjectFile(p), SolutionReports + "/")).ToArray(),
            Wait = TimeSpan.FromSeconds(1),
        };
        return (task, engine);
    }

    private static TaskItem Member(string projectFile, string reportDirectory)
    {
        var item = new TaskItem(projectFile);
        item.SetMetadata("ReportDirectory", reportDirectory);
        return item;
    }

    [Fact]
    public void ProjectsHandInUnderTheirRunIdAndTheVerdictIsHandedBackWholeForTheSolutionToLog()
    {
        var (start, startEngine) = Start("Solution", "A.Tests", "B.Tests");
        Assert.True(start.Execute());
        Assert.Empty(startEngine.Warnings);
        var first = Project("A.Tests", PassingTrx, runId: start.RunId);
        var last = Project("B.Tests", FailSkipTrx, runId: start.RunId);

        Assert.True(first.Execute());
        Assert.True(last.Execute());

        // Neither project logs a warning or error, nor writes a report, not even the one that handed in last.
        foreach (var (project, count) in new[] { (first, 1), (last, 2) })
        {
            Assert.Empty(project.Engine.Errors);
            Assert.Empty(project.Engine.Warnings);
            Assert.Empty(project.Task.DeferredErrors);
            Assert.Equal("", project.Task.AllPassed);
            Assert.Contains($"({count} of 2 test projects so far); the solution's build judges the solution when every project's tests have run.",
                Assert.Single(project.Engine.MessagesAt(MessageImportance.High), m => m.Contains("handed its results", StringComparison.Ordinal)));
        }

        // The solution's build then judges with its first project's settings (production, 100 % pass rate fails on B's failed tests).
        var verdict = Project("A.Tests", PassingTrx, runId: start.RunId).Threshold("MinTestPassRate", "1");
        verdict.Task.SolutionVerdict = true;
        verdict.Set("SummaryAsWarning", "true");
        Assert.True(verdict.Execute());

        Assert.Empty(verdict.Engine.Errors);
        Assert.Empty(verdict.Engine.Warnings);
        Assert.Equal("false", verdict.Task.AllPassed);
        Assert.Contains(verdict.Task.ReportFiles, f => f.ItemSpec == Path.Combine(SolutionReports, "latest.json"));
        var error = Assert.Single(verdict.Task.DeferredErrors);
        Assert.Equal(("QG2001", SolutionFile, "Error"), (error.GetMetadata("Code"), error.GetMetadata("File"), error.GetMetadata("Severity")));
        var summary = Assert.Single(verdict.Task.DeferredWarnings);
        Assert.Equal(("QG5006", SolutionFile), (summary.GetMetadata("Code"), summary.GetMetadata("File")));
        Assert.StartsWith("QualityGates: FAILED (production) Shop · 2 test projects · tests ", summary.GetMetadata("Message"));

        // What the solution's build logs: the summary line and the error, both against the solution file.
        var solution = new RecordingBuildEngine();
        Assert.False(new LogQualityGateErrors { BuildEngine = solution, Errors = [.. verdict.Task.DeferredWarnings, .. verdict.Task.DeferredErrors] }.Execute());
        Assert.Equal([("QG5006", SolutionFile)], solution.Warnings.Select(w => (w.Code, w.File)));
        Assert.Equal([("QG2001", SolutionFile)], solution.Errors.Select(e => (e.Code, e.File)));
        Assert.StartsWith("Test pass rate ", solution.Errors[0].Message);
    }

    [Fact]
    public void WithoutTheTerminalLoggerTheHandedBackSummaryLineIsAHighImportanceMessage()
    {
        var (start, _) = Start("Solution", "A.Tests");
        start.Execute();
        Project("A.Tests", PassingTrx, runId: start.RunId).Execute();
        var verdict = Project("A.Tests", PassingTrx, runId: start.RunId);
        verdict.Task.SolutionVerdict = true;

        Assert.True(verdict.Execute());

        var summary = Assert.Single(verdict.Task.DeferredWarnings);
        Assert.Equal(("", "Message"), (summary.GetMetadata("Code"), summary.GetMetadata("Severity")));
        var solution = new RecordingBuildEngine();
        Assert.True(new LogQualityGateErrors { BuildEngine = solution, Errors = verdict.Task.DeferredWarnings }.Execute());
        Assert.Contains(solution.MessagesAt(MessageImportance.High), m => m.StartsWith("QualityGates: PASSED (production) Shop", StringComparison.Ordinal));
        Assert.Empty(solution.Warnings);
    }

    [Fact]
    public void AVerdictWithoutEveryHandInIsQG1071HandedBackForTheSolution()
    {
        var (start, _) = Start("Solution", "A.Tests", "B.Tests");
        start.Execute();
        Project("A.Tests", PassingTrx, runId: start.RunId).Execute();
        var verdict = Project("A.Tests", PassingTrx, runId: start.RunId);
        verdict.Task.SolutionVerdict = true;

        Assert.True(verdict.Execute());

        Assert.Empty(verdict.Engine.Errors);
        var error = Assert.Single(verdict.Task.DeferredErrors);
        Assert.Equal(("QG1071", SolutionFile), (error.GetMetadata("Code"), error.GetMetadata("File")));
        Assert.Contains("B.Tests handed in no results", error.GetMetadata("Message"));
    }

    [Fact]
    public void ASecondRunOfTheSolutionWaitsThenRefusesWithQG0090()
    {
        var (first, _) = Start("LastHandIn", "A.Tests");
        Assert.True(first.Execute());
        var (second, engine) = Start("LastHandIn", "A.Tests");

        Assert.False(second.Execute());

        Assert.Equal("", second.RunId);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("QG0090", SolutionFile), (error.Code, error.File));
        Assert.Contains(engine.MessagesAt(MessageImportance.High), m => m.StartsWith($"QualityGates: another dotnet test of Shop.slnx is running its solution run {first.RunId} ", StringComparison.Ordinal));
    }

    [Fact]
    public void ASolutionReportFolderThatIsAFileIsQG1070NotAStackTrace()
    {
        File.WriteAllText(SolutionReports, "a file");
        var (start, engine) = Start("Solution", "A.Tests");

        Assert.False(start.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("QG1070", SolutionReports), (error.Code, error.File));
        Assert.StartsWith($"The solution report folder '{SolutionReports}' is a regular file, not a folder", error.Message);
    }

    [Fact]
    public void ProjectsNamingDifferentSolutionReportFoldersAreQG0009()
    {
        var (start, engine) = Start("Solution", "A.Tests");
        start.Members = [.. start.Members, Member(ProjectFile("B.Tests"), Path.Combine(_temp.Path, "other") + "/")];

        Assert.False(start.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("QG0009", SolutionFile), (error.Code, error.File));
        Assert.StartsWith("The test projects of Shop.slnx name different solution report folders", error.Message);
    }

    [Fact]
    public void WithoutASolutionRunTheProjectIsJudgedAloneWithWarningQG0019()
    {
        var run = Project("A.Tests", PassingTrx, scope: "Both");
        run.Set("SolutionReportDirectory", (string?)null);

        Assert.True(run.Execute());

        var warning = Assert.Single(run.Engine.Warnings, w => w.Code == "QG0019");
        Assert.Equal(run.Task.ProjectFile, warning.File);
        Assert.Equal("true", run.Task.AllPassed);
    }

    [Fact]
    public void AnUnknownScopeIsQG0018NamingTheProperty()
    {
        var run = Project("A.Tests", PassingTrx, scope: "Solutions");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0018", error.Code);
        Assert.Equal("QualityGatesScope is 'Solutions', which is not a scope; use Project (each test project judged alone), Solution (one verdict over the solution's test projects) or Both (each project and the solution).", error.Message);
    }
}
