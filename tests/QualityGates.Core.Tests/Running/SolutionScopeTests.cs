using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;
using QualityGates.Running;
using QualityGates.Running.Solution;
using QualityGates.Tests.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Running;

/// <summary>QualityGatesScope Solution and Both: projects hand in their results, the last one judges the solution.</summary>
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

    private void WriteManifest(params string[] projects)
    {
        Directory.CreateDirectory(Path.Combine(SolutionReports, "run"));
        File.WriteAllLines(Path.Combine(SolutionReports, "run", SolutionRunFolder.ManifestFileName),
            ["run=0123abcd", $"solution={SolutionFile}", .. projects.Select(p => "member=" + ProjectFile(p))]);
    }

    /// <summary>A project's request: its TRX and a Cobertura file covering <paramref name="coveredLines"/> of the shared Lib/Shared.cs (lines 1-10 coverable).</summary>
    private GateRunRequest Project(string name, string trx, int[] coveredLines, GateScope scope = GateScope.Solution)
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
            Solution = new SolutionOptions { Scope = scope, Directory = SolutionReports, ProjectFile = ProjectFile(name) },
        };
    }

    [Fact]
    public void TheLastProjectJudgesTheSolutionWithTestsAddedUpAndCoverageMergedPerLine()
    {
        WriteManifest("A.Tests", "B.Tests", "C.Tests");

        var first = new GateRun().Execute(Project("A.Tests", FailSkipTrx, [1, 2, 3]), TextWriter.Null);
        var second = new GateRun().Execute(Project("B.Tests", PassingTrx, [3, 4]), TextWriter.Null);
        var last = new GateRun().Execute(Project("C.Tests", TheoriesTrx, [9]), TextWriter.Null);

        // The first two hand in and say so; no project report, no verdict, no error.
        foreach (var (handedIn, count) in new[] { (first, 1), (second, 2) })
        {
            Assert.Null(handedIn.Report);
            Assert.Null(handedIn.Solution);
            Assert.Empty(handedIn.Diagnostics);
            Assert.Equal($"QualityGates: {(count == 1 ? "A" : "B")}.Tests handed its results to the solution gate of Shop ({count} of 3 test projects so far); the last one judges the solution.", Assert.Single(handedIn.Messages));
        }

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "sln", "A.Tests", ".quality-gates")));
        Assert.Null(last.Report);
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

        // One report folder at the solution level, with the per-project rows; the hand-ins were taken out.
        Assert.Equal(Path.Combine(SolutionReports, "latest.json"), last.Solution.Files!.Latest);
        using var json = JsonDocument.Parse(File.ReadAllText(last.Solution.Files.Latest));
        Assert.Equal(["A.Tests", "B.Tests", "C.Tests"], json.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(0.5, json.RootElement.GetProperty("metrics").GetProperty("coverage").GetProperty("lineRate").GetDouble());
        Assert.Contains("<h2>Test projects</h2>", File.ReadAllText(last.Solution.Files.Html!));
        Assert.Contains(" · 3 test projects · ", last.Solution.SummaryLine);
        Assert.Empty(Directory.GetDirectories(Path.Combine(SolutionReports, "run")));

        // development's 60 % line minimum fails at 50 %: one error, pointing at the solution file.
        var error = Assert.Single(last.Solution.Diagnostics, d => d.IsError);
        Assert.Equal((ErrorCodes.LineCoverageBelowMinimum, SolutionFile), (error.Code, error.File));
    }

    [Fact]
    public void BothJudgesEachProjectAloneAndTheSolution()
    {
        WriteManifest("A.Tests", "B.Tests");

        var first = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7], GateScope.Both), TextWriter.Null);
        var last = new GateRun().Execute(Project("B.Tests", PassingTrx, [6, 7, 8, 9, 10], GateScope.Both), TextWriter.Null);

        Assert.Equal((7L, true), (first.Report!.Inputs.Coverage!.LinesCovered, first.Passed));
        Assert.Null(first.Solution);
        Assert.Equal(Path.Combine(_dir.Path, "sln", "B.Tests", ".quality-gates", "latest.json"), last.Files!.Latest);
        Assert.Equal(5L, last.Report!.Inputs.Coverage!.LinesCovered);
        Assert.False(last.Passed);
        Assert.Equal((10L, 10L, true), (last.Solution!.Report!.Inputs.Coverage!.LinesCovered, last.Solution.Report.Inputs.Coverage.LinesValid, last.Solution.Passed));
    }

    [Fact]
    public void AProjectNoSolutionRunListsIsJudgedAloneWithWarningQG0019()
    {
        WriteManifest("Other.Tests");

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1, 2, 3, 4, 5, 6, 7]), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.Null(result.Solution);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun);
        Assert.False(warning.IsError);
        Assert.StartsWith("QualityGatesScope is Solution, but this run of A.Tests is not part of a solution run", warning.Message);
    }

    [Fact]
    public void WithoutASolutionFolderTheProjectIsJudgedAloneWithWarningQG0019()
    {
        var request = Project("A.Tests", PassingTrx, [1]) with { Solution = new SolutionOptions { Scope = GateScope.Solution, ProjectFile = ProjectFile("A.Tests") } };

        var result = new GateRun().Execute(request, TextWriter.Null);

        Assert.NotNull(result.Report);
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.NotInSolutionRun);
    }

    [Fact]
    public void AManifestThatIsNotOneIsQG1023NamingIt()
    {
        WriteManifest("A.Tests");
        var manifest = Path.Combine(SolutionReports, "run", SolutionRunFolder.ManifestFileName);
        File.AppendAllText(manifest, "members /x.csproj\n");

        var result = new GateRun().Execute(Project("A.Tests", PassingTrx, [1]), TextWriter.Null);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunFileInvalid, manifest), (error.Code, error.File));
        Assert.Contains("the line 'members /x.csproj' is not", error.Message);
    }

    [Fact]
    public void AHandInThatIsNotOneIsQG1023AndNothingIsJudged()
    {
        WriteManifest("A.Tests", "B.Tests");
        new GateRun().Execute(Project("A.Tests", PassingTrx, [1]), TextWriter.Null);
        var handIn = Directory.GetFiles(Path.Combine(SolutionReports, "run", "0123abcd")).Single();
        File.WriteAllText(handIn, "{ \"ProjectFile\": ");

        var result = new GateRun().Execute(Project("B.Tests", PassingTrx, [1]), TextWriter.Null);

        Assert.Null(result.Solution);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.SolutionRunFileInvalid, handIn), (error.Code, error.File));
        Assert.False(File.Exists(Path.Combine(SolutionReports, "latest.json")));
    }

    [Fact]
    public void ProjectsHandingInAtTheSameTimeJudgeTheSolutionExactlyOnce()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"P{i}.Tests").ToArray();
        WriteManifest(names);
        var run = SolutionRunFolder.Find(new SolutionOptions { Scope = GateScope.Solution, Directory = SolutionReports, ProjectFile = ProjectFile("P1.Tests") })!;
        var completed = new System.Collections.Concurrent.ConcurrentBag<IReadOnlyList<ProjectHandIn>>();

        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 6 }, name =>
        {
            if (run.HandIn(new ProjectHandIn(ProjectFile(name), name, null, [], [], null)).All is { } all)
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
    public void ReadsTheScope(string value, GateScope expected) =>
        Assert.Equal(expected, SolutionOptions.ParseScope(value, "QualityGatesScope"));

    [Theory]
    [InlineData("Solutions")]
    [InlineData("1")]
    public void AnUnknownScopeIsQG0018NamingTheProperty(string value)
    {
        var error = Assert.Throws<QualityGatesException>(() => SolutionOptions.ParseScope(value, "QualityGatesScope"));
        Assert.Equal((ErrorCodes.InvalidScope, $"QualityGatesScope is '{value}'; allowed values are Project, Solution and Both."), (error.Code, error.Message));
    }
}
