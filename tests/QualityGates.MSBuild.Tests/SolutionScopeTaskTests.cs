using Microsoft.Build.Framework;
using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>QualityGatesScope in the task: hand-ins, the solution's verdict logged by the last project, bad values.</summary>
public sealed class SolutionScopeTaskTests : IDisposable
{
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SolutionReports => Path.Combine(_temp.Path, ".quality-gates");

    private TaskRun Project(string name, string trx, string scope = "Solution")
    {
        var folder = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(folder);
        var run = new TaskRun(folder, Path.Combine(folder, ".quality-gates"));
        run.Task.ProjectFile = Path.Combine(folder, name + ".csproj");
        run.Set("Context", "production");
        run.Set("Checks", ["Tests"]);
        run.Set("TestResultFiles", [trx]);
        run.Set("Scope", scope);
        run.Set("SolutionReportDirectory", SolutionReports);
        run.Task.DeferErrors = true;
        return run;
    }

    private void WriteManifest(params string[] projects)
    {
        Directory.CreateDirectory(Path.Combine(SolutionReports, "run"));
        File.WriteAllLines(Path.Combine(SolutionReports, "run", "manifest.txt"),
            ["run=42", $"solution={_temp.Path}/Shop.slnx", .. projects.Select(p => $"member={_temp.Path}/{p}/{p}.csproj")]);
    }

    [Fact]
    public void TheFirstProjectHandsInAndTheLastLogsTheSolutionsErrorsAgainstTheSolutionFile()
    {
        WriteManifest("A.Tests", "B.Tests");
        var first = Project("A.Tests", PassingTrx);
        // The solution is judged with the settings of the project that completes the run.
        var last = Project("B.Tests", FailSkipTrx).Threshold("MinTestPassRate", "1");

        Assert.True(first.Execute());
        Assert.True(last.Execute());

        Assert.Empty(first.Engine.Errors);
        Assert.Empty(first.Task.Results);
        Assert.Contains("QualityGates: A.Tests handed its results to the solution gate of Shop (1 of 2 test projects so far); the last one judges the solution.",
            first.Engine.MessagesAt(MessageImportance.High));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "A.Tests", ".quality-gates")));

        // A pass-rate minimum of 100 % fails on B's failed tests: the solution's one error, kept back for the hooks like a project's.
        Assert.Empty(last.Engine.Errors);
        var deferred = Assert.Single(last.Task.DeferredErrors);
        Assert.Equal(("QG2001", $"{_temp.Path}/Shop.slnx"), (deferred.GetMetadata("Code"), deferred.GetMetadata("File")));
        Assert.Equal("false", last.Task.AllPassed);
        Assert.Contains(last.Engine.MessagesAt(MessageImportance.High), m => m.StartsWith("QualityGates: FAILED (production) Shop · 2 test projects · tests ", StringComparison.Ordinal));
        Assert.Contains(last.Task.ReportFiles, f => f.ItemSpec == Path.Combine(SolutionReports, "latest.json"));
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
