using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using QualityGates.Running;
using QualityGates.Running.Solution;
using QualityGates.Tests.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>
/// QualityGatesScope Solution and Both: projects hand in their results to the run the solution's build
/// started; under Microsoft.Testing.Platform the last hand-in judges, in VSTest mode the solution's build
/// judges after every project (<see cref="SolutionOptions.Verdict"/>).
/// </summary>
public sealed class SolutionScopeTests : IDisposable
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private static readonly string TheoriesTrx = Fixtures.Path("trx", "cronos-xunit-theories.trx");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string SolutionReports => Path.Combine(_dir.Path, "sln", ".quality-gates");

    private string SolutionFile => Path.Combine(_dir.Path, "sln", "Shop.sln");

    private string ProjectFile(string name) => Path.Combine(_dir.Path, "sln", name, name + ".csproj");

    /// <summary>Starts a run as the solution's build does; this test process owns it.</summary>
    private string StartRun(SolutionJudge judge, params string[] projects)
    {
        var started = SolutionRunStart.Start(new SolutionRunStartRequest
        {
            ReportFolder = SolutionReports, SolutionFile = SolutionFile, Members = projects.Select(ProjectFile).ToList(), Judge = judge,
        });
        Assert.Empty(started.Diagnostics);
        return started.RunId!;
    }

    /// <summary>A project's request: its TRX and a Cobertura file covering <paramref name="coveredLines"/> of the shared Lib/Shared.cs (lines 1-10 coverable).</summary>
    private GateRunRequest Project(string name, string trx, int[] coveredLines, GateScope scope = GateScope.Solution, string? runId = null)
    {
        var folder = Path.GetDirectoryName(ProjectFile(name))!;
        Directory.CreateDirectory(folder);
        var lines = Enumerable.Range(1, 10).Select(n => $"number=\"{n}\" hits=\"{(coveredLines.Contains(n) ? 1 : 0)}\"").ToArray();
        var xml = new CoberturaXml("/src").Class("Lib", "Lib/Shared.cs", null, lines)
            .Class(name, $"{name}/Tests.cs", null, ["number=\"1\" hits=\"1\""]);
        File.WriteAllText(Path.Combine(folder, "coverage.cobertura.xml"), xml.ToString());
        return new GateRunRequest
        {
            Context = "development",
            BaseDirectory = folder,
            TestResultFiles = [trx],
            CoverageFiles = ["coverage.cobertura.xml"],
            CoverageFilter = new() { ExcludeAssemblies = [name] },
            Reports = new ReportOptions { Folder = ".quality-gates" },
            Environment = _ => null,
            Solution = new SolutionOptions { Scope = scope, Directory = SolutionReports, ProjectFile = ProjectFile(name), RunId = runId },
        };
    }

    private static GateRunRequest Verdict(GateRunRequest request) => request with { Solution = request.Solution! with { Verdict = true } };

    private string RunFolder => Path.Combine(SolutionReports, "run");

    [Fact]
    public void TheLastHandInJudgesTheSolutionWithTestsAddedUpCoverageMergedPerLineAndSaysSoInEachMessage()
    {
        StartRun(SolutionJudge.LastHandIn, "A.Tests", "B.Tests", "C.Tests");

        var first = new GateRun().Execute(Project("A.Tests", FailSkipTrx, [1, 2, 3]), TextWriter.Null);
        var second = new GateRun().Execute(Project("B.Tests", PassingTrx, [3, 4]), TextWriter.Null);
        var last = new GateRun().Execute(Project("C.Tests", TheoriesTrx, [9]), TextWriter.Null);

        // The first two hand in and say so; no project report, no verdict, no error.
        foreach (var (handedIn, count) in new[] { (first, 1), (second, 2) })
        {
            Assert.Null(handedIn.Report);
            Assert.Null(handedIn.Solution);
            Assert.Empty(handedIn.Diagnostics);
            // Its failed tests are the solution's to judge: the test application does not fail on them itself.
            Assert.True(handedIn.HandedToSolution);
            Assert.Equal($"QualityGates: {(count == 1 ? "A" : "B")}.Tests handed its results to the solution gate of Shop ({count} of 3 test projects so far); the last one judges the solution.", Assert.Single(handedIn.Messages));
        }

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "sln", "A.Tests", ".quality-gates")));
        Assert.Null(last.Report);
        Assert.True(last.HandedToSolution);
        var solution = last.Solution!.Report!;
        var each = new[] { FailSkipTrx, PassingTrx, TheoriesTrx }.Select(f => new TrxReader().Read(f)).ToList();
        Assert.Equal(
            (each.Sum(t => t.Total), each.Sum(t => t.Passed), each.Sum(t => t.Failed), each.Sum(t => t.Skipped)),
            (solution.Inputs.Tests!.Total, solution.Inputs.Tests.Passed, solution.Inputs.Tests.Failed, solution.Inputs.Tests.Skipped));
        // Lines 1, 2, 3, 4 and 9 of the shared file: covered by any project is covered, counted once; the test assemblies stay out.
        Assert.Equal((5L, 10L), (solution.Inputs.Coverage!.LinesCovered, solution.Inputs.Coverage.LinesValid));
        Assert.Equal(new ModelIdentity("Shop", string.Empty), solution.Model);
        Assert.Equal(
            [("A.Tests", each[0].Total, 3L), ("B.Tests", each[1].Total, 2L), ("C.Tests", each[2].Total, 1L)],
            solution.Projects.Select(p => (p.Name, p.Tests!.Total, p.Coverage!.LinesCovered)));

        // One report folder at the solution level, with the per-project rows; the run is over.
        Assert.Equal(Path.Combine(SolutionReports, "latest.json"), last.Solution.Files!.Latest);
        using var json = JsonDocument.Parse(File.ReadAllText(last.Solution.Files.Latest));
        Assert.Equal(["A.Tests", "B.Tests", "C.Tests"], json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(0.5, json.RootElement.GetProperty("metrics").GetProperty("coverage").GetProperty("lineRate").GetDouble());
        Assert.Contains("<h2>Test projects</h2>", File.ReadAllText(last.Solution.Files.Html!));
        Assert.Empty(Directory.GetDirectories(RunFolder));
        Assert.False(File.Exists(Path.Combine(RunFolder, SolutionRunFolder.ClaimFileName)));

        // development's 60 % line minimum fails at 50 %: one error, pointing at the solution file, saying it is the solution's verdict and who completed it.
        const string Whose = "Solution Shop's verdict (judged in C.Tests, whose hand-in completed the run): ";
        var error = Assert.Single(last.Solution.Diagnostics, d => d.IsError);
        Assert.Equal((ErrorCodes.LineCoverageBelowMinimum, SolutionFile), (error.Code, error.File));
        Assert.StartsWith(Whose + "Line coverage 50.0% is below the development minimum", error.Message);
        Assert.All(last.Solution.Diagnostics, d => Assert.StartsWith(Whose, d.Message));
        Assert.StartsWith("QualityGates: " + Whose + "FAILED (development) Shop", last.Solution.SummaryLine);
        Assert.Contains(" · 3 test projects · ", last.Solution.SummaryLine);
    }

    [Fact]
    public void InVSTestModeProjectsOnlyHandInAndTheSolutionsBuildJudgesAfterAllOfThemAgainstTheSolutionFile()
    {
        var runId = StartRun(SolutionJudge.Solution, "A.Tests", "B.Tests");

        var a = new GateRun().Execute(Project("A.Tests", FailSkipTrx, [1, 2, 3], runId: runId), TextWriter.Null);
        var b = new GateRun().Execute(Project("B.Tests", PassingTrx, [3, 4], runId: runId), TextWriter.Null);

        // Neither project judges, not even the one whose hand-in completed the set.
        Assert.All([a, b], r => Assert.Null(r.Solution));
        Assert.Equal("QualityGates: B.Tests handed its results to the solution gate of Shop (2 of 2 test projects so far); the solution's build judges the solution when every project's tests have run.", Assert.Single(b.Messages));

        var verdict = new GateRun().Execute(Verdict(Project("A.Tests", FailSkipTrx, [1, 2, 3], runId: runId)), TextWriter.Null);

        Assert.Equal(["A.Tests", "B.Tests"], verdict.Report!.Projects.Select(p => p.Name));
        Assert.Equal((4L, 10L), (verdict.Report.Inputs.Coverage!.LinesCovered, verdict.Report.Inputs.Coverage.LinesValid));
        Assert.Equal(SolutionFile, verdict.SolutionFile);
        var error = Assert.Single(verdict.Diagnostics, d => d.IsError);
        Assert.Equal((ErrorCodes.LineCoverageBelowMinimum, SolutionFile), (error.Code, error.File));
        Assert.StartsWith("Line coverage 40.0% is below the development minimum", error.Message);
        Assert.StartsWith("QualityGates: FAILED (development) Shop", verdict.SummaryLine);
        Assert.Contains(" · 2 test projects · ", verdict.SummaryLine);
        Assert.False(File.Exists(Path.Combine(RunFolder, SolutionRunFolder.ClaimFileName)));
    }

    [Fact]
    public void AVSTestRunWhoseProjectHandedInNothingHasNoVerdictAndItsReportFilesSaySo()
    {
        var runId = StartRun(SolutionJudge.Solution, "A.Tests", "B.Tests");
        new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3], runId: runId), TextWriter.Null);

        var verdict = new GateRun().Execute(Verdict(Project("A.Tests", PassingTrx, [1, 2, 3], runId: runId)), TextWriter.Null);

        Assert.Null(verdict.Report);
        var error = Assert.Single(verdict.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunIncomplete, SolutionFile), (error.Code, error.File));
        Assert.StartsWith("The solution's verdict of Shop cannot be made: B.Tests handed in no results: its tests did not reach the gate", error.Message);
        using var latest = JsonDocument.Parse(File.ReadAllText(Path.Combine(SolutionReports, "latest.json")));
        Assert.Equal("incomplete", latest.RootElement.GetProperty("status").GetString());
        Assert.Equal(["B.Tests"], latest.RootElement.GetProperty("missingProjects").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("ended without a verdict: B.Tests handed in no results", latest.RootElement.GetProperty("message").GetString());
        Assert.False(File.Exists(Path.Combine(RunFolder, SolutionRunFolder.ClaimFileName)));
    }

    [Fact]
    public void BothJudgesEachProjectAloneAndTheSolution()
    {
        StartRun(SolutionJudge.LastHandIn, "A.Tests", "B.Tests");

        var first = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7], GateScope.Both), TextWriter.Null);
        var last = new GateRun().Execute(Project("B.Tests", PassingTrx, [6, 7, 8, 9, 10], GateScope.Both), TextWriter.Null);

        Assert.Equal((7L, true), (first.Report!.Inputs.Coverage!.LinesCovered, first.Passed));
        Assert.Null(first.Solution);
        // Each project's own verdict judges its own tests.
        Assert.False(first.HandedToSolution || last.HandedToSolution);
        Assert.Equal(Path.Combine(_dir.Path, "sln", "B.Tests", ".quality-gates", "latest.json"), last.Files!.Latest);
        Assert.Equal(5L, last.Report!.Inputs.Coverage!.LinesCovered);
        Assert.False(last.Passed);
        Assert.Equal((10L, 10L, true), (last.Solution!.Report!.Inputs.Coverage!.LinesCovered, last.Solution.Report.Inputs.Coverage.LinesValid, last.Solution.Passed));
    }

    [Fact]
    public void AProjectNoSolutionRunListsIsJudgedAloneWithWarningQG0019()
    {
        StartRun(SolutionJudge.LastHandIn, "Other.Tests");

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7]), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.Null(result.Solution);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun);
        Assert.False(warning.IsError);
        Assert.StartsWith("QualityGatesScope is Solution, but this run of A.Tests is not part of a solution run that lists it (the solution run ", warning.Message);
    }

    [Fact]
    public void ATestApplicationOfAnotherDotnetTestNeverJoinsTheRunInProgress()
    {
        // The run in progress is owned by a process that is not an ancestor of this one: another dotnet test's.
        var started = SolutionRunStart.Start(new SolutionRunStartRequest
        {
            ReportFolder = SolutionReports, SolutionFile = SolutionFile, Members = [ProjectFile("A.Tests")], Judge = SolutionJudge.LastHandIn,
            Owner = new SolutionRunOwner(int.MaxValue - 7, DateTime.UtcNow.Ticks),
        });

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7]), TextWriter.Null);

        Assert.Null(result.Solution);
        Assert.Contains("belongs to another dotnet test", Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun).Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(RunFolder, started.RunId!), "*.json"));
    }

    [Fact]
    public void AHandInForARunThatIsNotInProgressIsJudgedAloneWithWarningQG0019()
    {
        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7], runId: "0123abcd"), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.Contains("(the solution run 0123abcd that started it is not in progress in ", Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun).Message);
    }

    [Fact]
    public void TheManifestOfTheOlderHookMakesQG0019SayToReplaceTheHook()
    {
        Directory.CreateDirectory(RunFolder);
        File.WriteAllLines(Path.Combine(RunFolder, "manifest.txt"), ["run=42", $"solution={SolutionFile}", "member=" + ProjectFile("A.Tests")]);

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7]), TextWriter.Null);

        Assert.Contains("was written by an older Directory.Solution.targets; replace that file with the one in " + QualityGates.Errors.DocumentationLinks.Page("solution.md"),
            Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun).Message);
    }

    [Fact]
    public void WithoutASolutionFolderTheProjectIsJudgedAloneWithWarningQG0019()
    {
        var request = Project("A.Tests", PassingTrx, [1]) with { Solution = new SolutionOptions { Scope = GateScope.Solution, ProjectFile = ProjectFile("A.Tests") } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.NotNull(result.Report);
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun);
        // Under native dotnet test a passing application's output is never shown: its reports say it was judged alone.
        Assert.Equal(ErrorCodes.NotInSolutionRun, result.Report.AllWarnings[0].Code);
        using var json = JsonDocument.Parse(File.ReadAllText(result.Files!.Latest));
        Assert.Equal(ErrorCodes.NotInSolutionRun, json.RootElement.GetProperty("warningDetails")[0].GetProperty("code").GetString());
    }

    /// <summary>A project's input warnings, printed when it handed in, are listed in the solution's report after its name, and not printed again.</summary>
    [Fact]
    public void TheSolutionsReportListsTheWarningsEachProjectHandedIn()
    {
        StartRun(SolutionJudge.LastHandIn, "A.Tests", "B.Tests");
        var warning = GateDiagnostic.Warning(ErrorCodes.CoverageReportNotCobertura, "The coverage producer X named no Cobertura report.");

        var a = new GateRun().Execute(Project("A.Tests", PassingTrx, [1]) with { Run = new RunInputs { Warnings = [warning] } }, TextWriter.Null);
        var b = new GateRun().Execute(Project("B.Tests", PassingTrx, [2]), TextWriter.Null);

        Assert.Equal([warning], a.Diagnostics);
        var solution = b.Solution!;
        Assert.Equal([(ErrorCodes.CoverageReportNotCobertura, "A.Tests: " + warning.Message)], solution.Report!.AllWarnings.Select(w => (w.Code, w.Message)));
        Assert.DoesNotContain(solution.Diagnostics, d => d.Code == ErrorCodes.CoverageReportNotCobertura);
        Assert.Contains("A.Tests: " + warning.Message, File.ReadAllText(solution.Files!.Latest));
    }

    [Fact]
    public void AManifestThatIsNotOneIsQG1023NamingIt()
    {
        var runId = StartRun(SolutionJudge.LastHandIn, "A.Tests");
        var manifest = Path.Combine(RunFolder, runId, SolutionRunFolder.ManifestFileName);
        File.AppendAllText(manifest, "members /x.csproj\n");

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1]), TextWriter.Null);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunFileInvalid, manifest), (error.Code, error.File));
        Assert.Contains("the line 'members /x.csproj' is not", error.Message);
    }

    [Fact]
    public void AManifestThatIsAFifoIsQG1023AndNothingBlocks()
    {
        var runId = StartRun(SolutionJudge.Solution, "A.Tests");
        var manifest = Path.Combine(RunFolder, runId, SolutionRunFolder.ManifestFileName);
        File.Delete(manifest);
        SpecialFiles.Fifo(manifest);

        var result = SpecialFiles.Within(() => new GateRun().Execute(Project("A.Tests", PassingTrx, [1], runId: runId), TextWriter.Null));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunFileInvalid, manifest), (error.Code, error.File));
        Assert.Contains("it is a FIFO, socket or device, not a regular file", error.Message);
    }

    [Fact]
    public void AHandInThatIsNotOneIsQG1023AndNothingIsJudged()
    {
        var runId = StartRun(SolutionJudge.LastHandIn, "A.Tests", "B.Tests");
        new GateRun().Execute(Project("A.Tests", PassingTrx, [1]), TextWriter.Null);
        var handIn = Directory.GetFiles(Path.Combine(RunFolder, runId), "*.json").Single();
        File.WriteAllText(handIn, "{ \"ProjectFile\": ");

        var result = new GateRun().Execute(Project("B.Tests", PassingTrx, [1]), TextWriter.Null);

        Assert.Null(result.Solution);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunFileInvalid, handIn), (error.Code, error.File));
        Assert.Equal("incomplete", JsonDocument.Parse(File.ReadAllText(Path.Combine(SolutionReports, "latest.json"))).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void ProjectsHandingInAtTheSameTimeJudgeTheSolutionExactlyOnce()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"P{i}.Tests").ToArray();
        StartRun(SolutionJudge.LastHandIn, names);
        var run = SolutionRunFolder.Find(new SolutionOptions { Scope = GateScope.Solution, Directory = SolutionReports, ProjectFile = ProjectFile("P1.Tests") }, out _)!;
        var completed = new System.Collections.Concurrent.ConcurrentBag<IReadOnlyList<ProjectHandIn>>();

        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 6 }, name =>
        {
            if (run.HandIn(new ProjectHandIn(SolutionRunFolder.Key(ProjectFile(name)), name, null, [], [], null)).All is { } all)
            {
                completed.Add(all);
            }
        });

        var judged = Assert.Single(completed);
        Assert.Equal(names, judged.Select(h => h.Name));
    }

    [Theory]
    [InlineData("", GateScope.Project)]
    [InlineData("solution", GateScope.Solution)]
    [InlineData(" Both ", GateScope.Both)]
    public void ReadsTheScope(string value, object expectedValue) =>
        Assert.Equal((GateScope)expectedValue, SolutionOptions.ParseScope(value, "QualityGatesScope"));

    [Theory]
    [InlineData("Solutions")]
    [InlineData("1")]
    public void AnUnknownScopeIsQG0018NamingTheProperty(string value)
    {
        var error = Assert.Throws<QualityGatesException>(() => SolutionOptions.ParseScope(value, "QualityGatesScope"));
        Assert.Equal((ErrorCodes.InvalidScope, $"QualityGatesScope is '{value}'; allowed values are Project, Solution and Both."), (error.Code, error.Message));
    }
}
