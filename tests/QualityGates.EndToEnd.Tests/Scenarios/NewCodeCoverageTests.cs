using QualityGates.EndToEnd.Tests.Support;

namespace QualityGates.EndToEnd.Tests.Scenarios;

/// <summary>
/// coverage.new_code under a real <c>dotnet test</c>: the shared consumer becomes, for this scenario only,
/// a git repository whose main branch has an older Calculator.cs; the feature branch changes Add (covered)
/// and adds Describe's zero case, which QG_PARTIAL_COVERAGE=1 leaves uncovered.
/// </summary>
[Collection(SharedConsumer.Collection)]
public sealed class NewCodeCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void FailsTheTestRunWhenTheChangesNewLinesAreNotCoveredAndNamesThem()
    {
        var workspace = SharedConsumer.Get(output);
        var calculator = workspace.FullPath("Lib", "Calculator.cs");
        var current = File.ReadAllText(calculator);
        var gitFolder = workspace.FullPath(".git");
        try
        {
            var repository = GitRepository.Init(workspace.Root);
            File.WriteAllLines(Path.Combine(gitFolder, "info", "exclude"), ["bin/", "obj/", "TestResults/", ".quality-gates/", "*.cobertura.xml"]);
            File.WriteAllText(calculator, Older(current));
            repository.Commit("main: Add and Describe without the zero case");
            repository.Git("checkout", "--quiet", "-b", "feature");
            File.WriteAllText(calculator, current);
            repository.Commit("feature: Add rewritten, zero case");

            var run = workspace.Test(
                ["--collect", "XPlat Code Coverage", "-p:QualityGatesNewCode=true", "-p:QualityGatesMinNewCodeLines=1", "-p:QualityGatesMinCodeCoverage=0", "-tl:off"],
                new Dictionary<string, string> { ["QG_PARTIAL_COVERAGE"] = "1", ["GITHUB_BASE_REF"] = "main" });

            Assert.NotEqual(0, run.ExitCode);
            Assert.Equal(["QG2014"], run.GateErrorCodes);
            // The line minimum's old name still works, with a deprecation warning that names the new one.
            Assert.Contains("QualityGatesMinCodeCoverage is deprecated; use QualityGatesMinLineCoverage instead", Assert.Single(run.Warnings, w => w.Contains("QG0030", StringComparison.Ordinal)));
            var error = Assert.Single(run.Errors);
            Assert.Contains("New-code coverage 25.0% is below the staging minimum of 80.0% (1 of 4 coverable new lines covered since ", error, StringComparison.Ordinal);
            Assert.Contains("the merge base with main (from GITHUB_BASE_REF)); uncovered new lines: Lib/Calculator.cs 17-19", error, StringComparison.Ordinal);
            var reports = GateReports.In(workspace.FullPath(GatedConsumer.TestsFolder, ".quality-gates"));
            Assert.Equal(["coverage.new_code"], reports.Failures);
        }
        finally
        {
            File.WriteAllText(calculator, current);
            DeleteRepository(gitFolder);
        }
    }

    /// <summary>The library as it was on main: Add written the other way round, Describe without its zero case.</summary>
    private static string Older(string current)
    {
        var older = current.Replace("return a + b;", "return b + a;", StringComparison.Ordinal);
        var start = older.IndexOf("        if (value == 0)", StringComparison.Ordinal);
        var end = older.IndexOf("        return \"positive\";", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the consumer's Calculator.cs changed; update this scenario");
        return older[..start] + older[end..];
    }

    private static void DeleteRepository(string gitFolder)
    {
        if (!Directory.Exists(gitFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(gitFolder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(gitFolder, recursive: true);
    }
}
