using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Cobertura;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Inputs.Git;

/// <summary>
/// coverage.new_code on real git repositories made here: a base commit on main, a feature branch that
/// adds covered and uncovered lines, renames a file and deletes one, an untracked file, Cobertura paths
/// from another machine (Linux and Windows) and a file outside the repository.
/// </summary>
public sealed class NewCodeCoverageTests : IDisposable
{
    private static readonly string Calc = string.Concat(Enumerable.Range(1, 10).Select(i => $"// calc {i}\n"));
    private readonly TempDirectory _dir = new();
    private readonly GitRepository _repo;

    public NewCodeCoverageTests()
    {
        _repo = GitRepository.Init(Path.Combine(_dir.Path, "repo"));
        _repo.Write("src/Lib/Calc.cs", Calc);
        _repo.Write("src/Lib/Old.cs", "// old 1\n// old 2\n// old 3\n// old 4\n// old 5\n// old 6\n");
        _repo.Write("src/Lib/Gone.cs", "// gone\n");
        _repo.Commit("base");
        _repo.Git("checkout", "--quiet", "-b", "feature");
        _repo.Write("src/Lib/Calc.cs", Calc + string.Concat(Enumerable.Range(11, 6).Select(i => $"// new {i}\n")));
        _repo.Git("mv", "src/Lib/Old.cs", "src/Lib/New.cs");
        _repo.Write("src/Lib/New.cs", "// old 1\n// changed 2\n// old 3\n// old 4\n// old 5\n// old 6\n");
        File.Delete(Path.Combine(_repo.Path, "src/Lib/Gone.cs"));
        _repo.Write("README.md", "not code\n");
        _repo.Commit("feature");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Calc.cs lines 11-15 coverable (11-13 covered: 3 of 6 in all) from a Linux agent's absolute path; New.cs line 2
    /// (renamed, one line changed) uncovered from a Windows path; the deleted Gone.cs and a file outside
    /// the repository that claims Calc.cs's lines covered count for nothing.
    /// </summary>
    private string Coverage()
    {
        var outside = Path.Combine(_dir.Path, "generated", "src", "Lib", "Calc.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, Calc);
        var xml = new CoberturaXml()
            .Class("Lib", "/home/runner/work/repo/src/Lib/Calc.cs", methodLines: null,
                [.. Enumerable.Range(3, 8).Select(i => $"number=\"{i}\" hits=\"1\""), "number=\"11\" hits=\"2\"", "number=\"12\" hits=\"1\"", "number=\"13\" hits=\"1\"", "number=\"14\" hits=\"0\"", "number=\"15\" hits=\"0\""])
            .Class("Lib", @"D:\a\repo\src\Lib\New.cs", methodLines: null, "number=\"1\" hits=\"1\"", "number=\"2\" hits=\"0\"")
            .Class("Lib", "/home/runner/work/repo/src/Lib/Gone.cs", methodLines: null, "number=\"1\" hits=\"0\"")
            .Class("Generated", outside, methodLines: null, "number=\"14\" hits=\"1\"", "number=\"15\" hits=\"1\"");
        return Write("coverage.cobertura.xml", xml.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private GateRunResult Run(NewCodeOptions options, string coverage, Func<string, string?>? environment = null, string? folder = null, string? minLines = "1", string? extra = null, Func<GateRunRequest, GateRunRequest>? change = null, bool? strict = null)
    {
        var request = new GateRunRequest
        {
            Context = "staging",
            Strict = strict,
            Groups = GateGroup.Coverage,
            BaseDirectory = folder ?? _repo.Path,
            CoverageFiles = extra is null ? [coverage] : [coverage, extra],
            NewCode = options,
            Overrides = minLines is null ? [] : [new ThresholdOverride("MinNewCodeLines", minLines, "QualityGatesMinNewCodeLines"), new ThresholdOverride("MinCodeCoverage", "0", "x")],
            Environment = environment ?? (_ => null),
        };
        return new GateRun().Execute(change?.Invoke(request) ?? request, TextWriter.Null);
    }

    [Fact]
    public void CountsOnlyCoverableChangedLinesAndNamesTheUncoveredOnes()
    {
        var result = Run(new NewCodeOptions { BaseRef = "main", BaseRefSource = "QualityGatesBaseRef" }, Coverage());

        var newCode = result.Report!.Inputs.NewCode!;
        Assert.Equal((3L, 6L), (newCode.LinesCovered, newCode.LinesValid));
        Assert.Equal(_repo.Git("merge-base", "main", "HEAD"), newCode.MergeBase);
        Assert.Equal(["src/Lib/Calc.cs 14-15", "src/Lib/New.cs 2"], newCode.Files.Where(f => f.Uncovered.Count > 0).Select(f => f.Path + " " + string.Join(", ", f.Uncovered)));
        var check = Assert.Single(result.Report.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal((GateStatus.Failed, ErrorCodes.NewCodeCoverageBelowMinimum), (check.Status, check.Code));
        Assert.Equal(0.5, check.Value!.Value, 9);
        Assert.Contains("uncovered new lines: src/Lib/Calc.cs 14-15; src/Lib/New.cs 2", check.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.NewCodeCoverageBelowMinimum);
    }

    [Fact]
    public void AWaiverOfNewCodeCoverageWaivesTheFailure()
    {
        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage(), change: r => r.Waiving(_dir, GateNames.NewCodeCoverage));

        Assert.True(result.Passed);
        Assert.Equal(GateStatus.Waived, result.Report!.Checks.Single(c => c.Gate == GateNames.NewCodeCoverage).Status);
    }

    [Fact]
    public void NewCodeCoverageBetweenTheMinimumAndItsWarningLevelIsAPassingWarning()
    {
        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage(), change: r => r with
        {
            Overrides = [.. r.Overrides, new ThresholdOverride("MinNewCodeCoverage", "0.4", "x"), new ThresholdOverride("WarnNewCodeCoverage", "0.6", "QualityGatesWarnNewCodeCoverage")],
        });

        var check = result.Report!.Checks.Single(c => c.Gate == GateNames.NewCodeCoverage);
        Assert.True(result.Passed);
        Assert.Equal((GateStatus.Warning, ErrorCodes.FigureInWarningBand, 0.6), (check.Status, check.Code, check.WarningLevel));
    }

    [Fact]
    public void WorkingTreeModeCountsUntrackedFilesAndHeadModeDoesNot()
    {
        _repo.Write("src/Lib/Extra.cs", "// extra 1\n// extra 2\n// extra 3\n");
        var coverage = Coverage();
        var extra = Write("extra.cobertura.xml", new CoberturaXml(@"C:\build\repo\").Class("Lib", @"src\Lib\Extra.cs", methodLines: null, "number=\"2\" hits=\"1\"").ToString());

        var workingTree = Run(new NewCodeOptions { BaseRef = "main" }, coverage, extra: extra);
        var head = Run(new NewCodeOptions { BaseRef = "main", Diff = "head" }, coverage, extra: extra);

        Assert.Equal((4L, 7L), (workingTree.Report!.Inputs.NewCode!.LinesCovered, workingTree.Report.Inputs.NewCode.LinesValid));
        Assert.Contains(workingTree.Report.Inputs.NewCode.Files, f => f.Path == "src/Lib/Extra.cs");
        Assert.Equal((3L, 6L), (head.Report!.Inputs.NewCode!.LinesCovered, head.Report.Inputs.NewCode.LinesValid));
    }

    [Fact]
    public void TakesTheBaseRefFromThePullRequestTargetOfTheCiServer()
    {
        var main = _repo.Git("rev-parse", "main");
        _repo.Git("branch", "release");
        foreach (var variable in new[] { "GITHUB_BASE_REF", "SYSTEM_PULLREQUEST_TARGETBRANCH", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CHANGE_TARGET" })
        {
            var value = variable == "SYSTEM_PULLREQUEST_TARGETBRANCH" ? "refs/heads/main" : "main";
            var result = Run(new NewCodeOptions(), Coverage(), name => name == variable ? value : null);

            var newCode = result.Report!.Inputs.NewCode!;
            Assert.Equal((main, "main", variable), (newCode.MergeBase, newCode.BaseRef, newCode.BaseRefSource));
        }
    }

    [Fact]
    public void SkipsWithAMessageBelowTheMinimumNumberOfNewLines()
    {
        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage(), minLines: null);

        var check = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal(GateStatus.Skipped, check.Status);
        Assert.Contains("6 coverable new lines", check.Message, StringComparison.Ordinal);
        Assert.Contains("fewer than the 20 needed", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShallowCloneIsACodedErrorThatSaysWhatToFetch()
    {
        _repo.Git("checkout", "--quiet", "main");
        _repo.Write("src/Lib/Later.cs", "// later\n");
        _repo.Commit("main moves on");
        var clone = GitRepository.Clone(_repo, Path.Combine(_dir.Path, "shallow"), "--depth", "1", "--branch", "feature");
        clone.Git("fetch", "--quiet", "--depth", "1", "origin", "main:refs/remotes/origin/main");

        var result = Run(new NewCodeOptions(), Coverage(), name => name == "GITHUB_BASE_REF" ? "main" : null, clone.Path);

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.MergeBaseNotFound, error.Code);
        Assert.Contains("shallow clone", error.Message, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow", error.Message, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaseBranchMissingFromTheCloneIsACodedErrorThatNamesTheFetch()
    {
        var clone = GitRepository.Clone(_repo, Path.Combine(_dir.Path, "single"), "--depth", "1", "--branch", "feature", "--single-branch");

        var result = Run(new NewCodeOptions(), Coverage(), name => name == "CHANGE_TARGET" ? "main" : null, clone.Path);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.BaseRefNotFound, error.Code);
        Assert.Contains("'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CHANGE_TARGET", error.Message, StringComparison.Ordinal);
        Assert.Contains("git fetch --no-tags origin main:refs/remotes/origin/main", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideAGitWorkTreeIsACodedError()
    {
        var folder = Path.Combine(_dir.Path, "plain");
        Directory.CreateDirectory(folder);

        var result = Run(new NewCodeOptions(), Coverage(), folder: folder);

        Assert.Equal(ErrorCodes.GitUnavailable, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void AMissingGitProgramIsACodedError()
    {
        var result = Run(new NewCodeOptions { GitProgram = Path.Combine(_dir.Path, "no-such-git") }, Coverage());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.GitUnavailable, error.Code);
        Assert.Contains("git program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDiffModeIsACodedErrorNamingTheSetting()
    {
        var result = Run(new NewCodeOptions { BaseRef = "main", Diff = "staged", DiffSource = "QualityGatesNewCodeDiff" }, Coverage());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.InvalidNewCodeSetting, error.Code);
        Assert.StartsWith("QualityGatesNewCodeDiff is 'staged'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsTheUncoveredNewLinesInTheJsonReportTheHtmlPageAndAsLineAnnotations()
    {
        var commands = new StringWriter();
        var github = new StringWriter();
        var request = new GateRunRequest
        {
            Groups = GateGroup.Coverage,
            BaseDirectory = _repo.Path,
            CoverageFiles = [Coverage()],
            NewCode = new NewCodeOptions { BaseRef = "main" },
            Overrides = [new ThresholdOverride("MinNewCodeLines", "1", "x")],
            Reports = new ReportOptions { Folder = Path.Combine(_dir.Path, "reports") },
        };

        var result = new GateRun().Execute(request with { Environment = name => name switch { "GITHUB_ACTIONS" => "true", "GITHUB_WORKSPACE" => _repo.Path, _ => null } }, github);
        new GateRun().Execute(request with { Environment = name => name == "TF_BUILD" ? "True" : null, Reports = new ReportOptions() }, commands);

        var newCode = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(result.Files!.Json))!["metrics"]!["newCode"]!;
        Assert.Equal(("main", 3, 6), ((string)newCode["baseRef"]!, (int)newCode["linesCovered"]!, (int)newCode["linesValid"]!));
        Assert.Equal(
            """[{"path":"src/Lib/Calc.cs","linesCovered":3,"linesValid":5,"uncoveredLines":[[14,15]]},{"path":"src/Lib/New.cs","linesCovered":0,"linesValid":1,"uncoveredLines":[[2,2]]}]""",
            newCode["files"]!.ToJsonString());
        var html = File.ReadAllText(result.Files.Html!);
        Assert.Contains("<section id=\"new-code\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"lines\">14-15</td>", html, StringComparison.Ordinal);
        Assert.Contains("::warning file=src/Lib/Calc.cs,line=14,endLine=15,title=QG2014 coverage.new_code::New lines 14-15 are not covered by any test.", github.ToString(), StringComparison.Ordinal);
        Assert.Contains("::warning file=src/Lib/New.cs,line=2,endLine=2,", github.ToString(), StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=warning;sourcepath=src/Lib/Calc.cs;linenumber=14;columnnumber=1;code=QG2014]New lines 14-15", commands.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CapsTheAnnotationsOfAHugeChange()
    {
        var lines = string.Concat(Enumerable.Range(1, 200).Select(i => $"// line {i}\n"));
        _repo.Write("src/Lib/Huge.cs", lines);
        var xml = new CoberturaXml().Class("Lib", "src/Lib/Huge.cs", methodLines: null, [.. Enumerable.Range(1, 200).Select(i => $"number=\"{i}\" hits=\"{i % 2}\"")]);
        var github = new StringWriter();

        new GateRun().Execute(new GateRunRequest
        {
            Groups = GateGroup.Coverage, BaseDirectory = _repo.Path, CoverageFiles = [Write("huge.xml", xml.ToString())],
            NewCode = new NewCodeOptions { BaseRef = "main" }, Environment = name => name == "GITHUB_ACTIONS" ? "true" : null,
        }, github);

        var annotations = github.ToString().Split('\n').Where(l => l.StartsWith("::warning file=", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, annotations.Count);
        Assert.Contains("::notice title=QG2014 coverage.new_code::70 more uncovered new-line ranges are not annotated", github.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The feature adds a project no test project references (no report names its files or its assembly),
    /// a test project's file and an interface in the reported Lib assembly whose report leaves it out.
    /// </summary>
    private void AddUntestedProject()
    {
        _repo.Write("src/NewLib/NewLib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        _repo.Write("src/NewLib/Feature/Service.cs", string.Concat(Enumerable.Range(1, 40).Select(i => $"// service {i}\n")));
        _repo.Write("src/NewLib/Model.fs", "// model 1\n// model 2\n");
        _repo.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>Lib</AssemblyName></PropertyGroup></Project>\n");
        _repo.Write("src/Lib/IShape.cs", "// interface\n");
        _repo.Write("tests/Lib.Tests/Lib.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup></Project>\n");
        _repo.Write("tests/Lib.Tests/CalcTests.cs", "// test 1\n// test 2\n");
        _repo.Commit("untested project");
    }

    [Fact]
    public void ChangedSourceFilesNoReportNamesAreAWarningThatNamesThem()
    {
        AddUntestedProject();

        var result = Run(new NewCodeOptions { BaseRef = "main", BaseRefSource = "QualityGatesBaseRef" }, Coverage());

        var newCode = result.Report!.Inputs.NewCode!;
        Assert.Equal(["src/NewLib/Feature/Service.cs", "src/NewLib/Model.fs"], newCode.UntestedFiles);
        Assert.Equal(42L, newCode.UntestedLines);
        Assert.Equal((3L, 6L), (newCode.LinesCovered, newCode.LinesValid));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.ChangedFilesNotInCoverage);
        Assert.False(warning.IsError);
        Assert.Contains("2 changed source files that no coverage report names (42 lines: src/NewLib/Feature/Service.cs, src/NewLib/Model.fs)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("the merge base with main (from QualityGatesBaseRef)", warning.Message, StringComparison.Ordinal);
        var json = System.Text.Json.Nodes.JsonNode.Parse(QualityGates.Reports.JsonReportWriter.ToUtf8(result.Report))!["metrics"]!["newCode"]!;
        Assert.Equal("""["src/NewLib/Feature/Service.cs","src/NewLib/Model.fs"]""", json["untestedFiles"]!.ToJsonString());
        var html = QualityGates.Reports.Html.HtmlReportWriter.ToHtml(result.Report);
        Assert.Contains("In no coverage report (QG2022, 42 lines): <code>src/NewLib/Feature/Service.cs</code>, <code>src/NewLib/Model.fs</code>.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, GateStatus.Skipped)]
    [InlineData(true, GateStatus.Failed)]
    public void UntestedNewCodeFailsInsteadOfSkippingInStrictMode(bool? strict, object expectedValue)
    {
        var expected = (GateStatus)expectedValue;
        AddUntestedProject();

        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage(), minLines: null, strict: strict);

        var check = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal(expected, check.Status);
        Assert.Contains("2 changed source files that no coverage report names", check.Message, StringComparison.Ordinal);
        if (expected == GateStatus.Failed)
        {
            Assert.Equal(ErrorCodes.NewCodeNotInCoverage, check.Code);
            Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == ErrorCodes.NewCodeNotInCoverage);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == ErrorCodes.ChangedFilesNotInCoverage);
        }
        else
        {
            Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.ChangedFilesNotInCoverage);
        }
    }

    [Fact]
    public void UntestedNewCodeFailsInProductionByDefault()
    {
        AddUntestedProject();

        var result = new GateRun().Execute(new GateRunRequest
        {
            Context = "production", Groups = GateGroup.Coverage, BaseDirectory = _repo.Path, CoverageFiles = [Coverage()],
            NewCode = new NewCodeOptions { BaseRef = "main" }, Environment = _ => null,
        }, TextWriter.Null);

        Assert.Contains(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage && c.Code == ErrorCodes.NewCodeNotInCoverage);
    }

    [Fact]
    public void WhenHeadIsTheBaseRefTheSkipSaysSoAndNamesTheRef()
    {
        _repo.Git("checkout", "--quiet", "main");

        var result = Run(new NewCodeOptions { BaseRef = "main", BaseRefSource = "QualityGatesBaseRef" }, Coverage());

        var check = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.Equal(GateStatus.Skipped, check.Status);
        Assert.True(result.Report.Inputs.NewCode!.HeadIsMergeBase);
        Assert.StartsWith($"No new code: HEAD is the merge base {_repo.Git("rev-parse", "main")[..10]} with main (from QualityGatesBaseRef)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipMessageCountsInTheRightNumberAndClosesItsParentheses()
    {
        _repo.Git("checkout", "--quiet", "-b", "one", "main");
        _repo.Write("src/Lib/Calc.cs", Calc + "// new 11\n");
        _repo.Commit("one line");

        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage(), minLines: null);

        var check = Assert.Single(result.Report!.Checks, c => c.Gate == GateNames.NewCodeCoverage);
        Assert.StartsWith("The change has 1 coverable new line (1 line added or modified in 1 file since ", check.Message, StringComparison.Ordinal);
        Assert.Equal(check.Message.Count(c => c == '('), check.Message.Count(c => c == ')'));
        var summary = QualityGates.Reports.SummaryLine.Render(result.Report, null);
        Assert.Contains("new-code coverage (the change has 1 coverable new line (1 line added or modified in 1 file since ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("coverage.new_code", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void UntrackedFilesCountOnlyWhenTheyAreSourceFiles()
    {
        _repo.Write("run.log", "a\nb\nc\n");
        _repo.Write("src/Lib/Scratch.cs", "// scratch\n");

        var result = Run(new NewCodeOptions { BaseRef = "main" }, Coverage());

        var newCode = result.Report!.Inputs.NewCode!;
        Assert.DoesNotContain("run.log", newCode.UntestedFiles);
        Assert.Equal((4, 9L), (newCode.ChangedFiles, newCode.ChangedLines));
    }
}
