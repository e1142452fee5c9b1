using QualityGates.MSBuild.Tests.Support;

namespace QualityGates.MSBuild.Tests;

/// <summary>QualityGatesNewCode and QualityGatesRatchet through the task: git repositories and a registry made here.</summary>
public sealed class NewCodeAndRatchetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string ThreeOfTenCovered = """
        <?xml version="1.0"?>
        <coverage line-rate="0.3" branch-rate="0" version="1.9">
          <sources><source>/home/runner/work/repo/</source></sources>
          <packages><package name="Lib"><classes><class name="Calc" filename="src/Calc.cs"><methods /><lines>
            <line number="1" hits="1" /><line number="2" hits="1" /><line number="3" hits="1" /><line number="4" hits="0" /><line number="5" hits="0" />
            <line number="6" hits="0" /><line number="7" hits="0" /><line number="8" hits="0" /><line number="9" hits="0" /><line number="10" hits="0" />
          </lines></class></classes></package></packages>
        </coverage>
        """;

    private GitRepository Diverged()
    {
        var repository = GitRepository.Init(Path.Combine(_temp.Path, "origin"));
        repository.Write("src/Calc.cs", "// 1\n// 2\n// 3\n");
        repository.Commit("base");
        repository.Git("checkout", "--quiet", "-b", "feature");
        repository.Write("src/Calc.cs", string.Concat(Enumerable.Range(1, 10).Select(i => $"// {i}\n")));
        repository.Commit("feature");
        repository.Git("checkout", "--quiet", "main");
        repository.Write("src/Other.cs", "// other\n");
        repository.Commit("main moves on");
        return repository;
    }

    private TaskRun NewCodeRun(string folder)
    {
        var run = new TaskRun(folder, Path.Combine(folder, ".quality-gates"));
        run.Set("Checks", ["Coverage"]);
        run.Set("NewCode", "true");
        run.Set("CoverageFiles", [_temp.Write("coverage.xml", ThreeOfTenCovered)]);
        return run.Threshold("MinCodeCoverage", "0").Threshold("MinNewCodeLines", "1");
    }

    [Fact]
    public void FailsOnUncoveredNewLinesWithTheLinesNamed()
    {
        var repository = Diverged();
        repository.Git("checkout", "--quiet", "feature");
        var run = NewCodeRun(repository.Path);
        run.Set("BaseRef", "main");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2014", error.Code);
        Assert.Contains("New-code coverage 0.0% is below the staging minimum of 80.0% (0 of 7 coverable new lines covered since ", error.Message);
        Assert.Contains("the merge base with main (from QualityGatesBaseRef)); uncovered new lines: src/Calc.cs 4-10", error.Message);
        Assert.Equal("Failed", run.Result("coverage.new_code").GetMetadata("Status"));
    }

    [Fact]
    public void AShallowCloneIsACodedErrorAndNothingIsJudged()
    {
        var origin = Diverged();
        var clone = GitRepository.Clone(origin, Path.Combine(_temp.Path, "shallow"), "--depth", "1", "--branch", "feature");
        clone.Git("fetch", "--quiet", "--depth", "1", "origin", "main:refs/remotes/origin/main");
        var run = NewCodeRun(clone.Path);
        run.Environment["GITHUB_BASE_REF"] = "main";

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG1017", error.Code);
        Assert.Contains("No merge base between HEAD and 'origin/main' (from GITHUB_BASE_REF): this is a shallow clone", error.Message);
        Assert.Contains("git fetch --unshallow origin", error.Message);
        Assert.Empty(run.Task.Results);
        Assert.False(Directory.Exists(Path.Combine(clone.Path, ".quality-gates")));
    }

    [Fact]
    public void AnUnknownDiffModeNamesTheProperty()
    {
        var repository = Diverged();
        var run = NewCodeRun(repository.Path);
        run.Set("NewCodeDiff", "Index");

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG0011", error.Code);
        Assert.StartsWith("QualityGatesNewCodeDiff is 'Index'", error.Message);
    }

    [Fact]
    public void TheRatchetBlocksACoverageDropAgainstTheRegistrysLastApproval()
    {
        var approved = new TaskRun(_temp.Path, Path.Combine(_temp.Path, "approved")).Passing();
        approved.Set("ModelName", "veran");
        approved.Set("ModelVersion", "v6.1");
        approved.Set("ApproveOnPass", "true");
        approved.Set("Registry", "registry");
        Assert.True(approved.Execute());

        var run = new TaskRun(_temp.Path, Path.Combine(_temp.Path, "next")).Passing().Threshold("MinCodeCoverage", "0");
        run.Set("ModelName", "veran");
        run.Set("ModelVersion", "v6.2");
        run.Set("Registry", "registry");
        run.Set("Ratchet", "true");
        run.Set("CoverageFiles", [_temp.Write("lower.xml", ThreeOfTenCovered)]);

        Assert.False(run.Execute());

        var error = Assert.Single(run.Engine.Errors);
        Assert.Equal("QG2015", error.Code);
        Assert.StartsWith("Line coverage 30.0% fell 44.963 pp from the baseline of 75.0% (the last approval of veran v6.1 for development", error.Message);
        Assert.Equal("Passed", run.Result("ratchet.test_pass_rate").GetMetadata("Status"));
        Assert.Equal("Skipped", run.Result("ratchet.branch_coverage").GetMetadata("Status"));
    }
}
