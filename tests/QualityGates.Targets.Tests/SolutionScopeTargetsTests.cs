using QualityGates.Targets.Tests.Support;

namespace QualityGates.Targets.Tests;

/// <summary>
/// Solution scope's targets: what a test project built as part of a solution offers the solution's build,
/// and the package's solution targets the solution's Directory.Solution.targets imports (they must load:
/// a file that does not is reported by MSBuild against the solution file, far from its cause).
/// </summary>
public sealed class SolutionScopeTargetsTests
{
    [Fact]
    public void ATestProjectBuiltAsPartOfASolutionKnowsTheSolutionReportFolderAndOffersTheSolutionTargets()
    {
        var project = PackageEvaluation.Of(PackageEvaluation.TestProject(), new Dictionary<string, string>
        {
            ["QualityGatesScope"] = "Solution",
            ["SolutionDir"] = "/src/shop/",
        });

        Assert.Equal("/src/shop/.quality-gates/", project["_QualityGatesSolutionReportDirectory"]);
        Assert.Equal("QualityGates.MSBuild.targets", project.TargetFile("QualityGatesSolutionMember"));
        Assert.Equal("QualityGates.MSBuild.targets", project.TargetFile("QualityGatesSolutionVerdict"));
    }

    [Fact]
    public void ThePackagesSolutionTargetsLoadAndTakeTheTasksFromThePackage()
    {
        var solutionTargets = Path.Combine(RepositoryPaths.Root, "build", "QualityGates.MSBuild.Solution.targets");

        var solution = PackageEvaluation.Of(ProjectBuilder.Blank().Import(solutionTargets), new Dictionary<string, string>
        {
            ["SolutionPath"] = "/src/shop/Shop.sln",
        }, name: "Shop");

        Assert.Equal("QualityGates.MSBuild.Solution.targets", solution.TargetFile("QualityGatesSolutionVSTest"));
        Assert.Equal("QualityGates.MSBuild.Solution.targets", solution.TargetFile("QualityGatesSolutionStart"));
        Assert.Equal(Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "tasks", "net8.0", "QualityGates.MSBuild.dll")),
            Path.GetFullPath(solution["_QualityGatesSolutionTaskAssembly"]));
        Assert.Contains("SolutionPath=/src/shop/Shop.sln", solution["_QualityGatesSolutionProjectProperties"]);
        // The solution logs its verdict's warnings; like a project's, the informative ones stay warnings under -warnaserror.
        Assert.Superset(new HashSet<string> { "QG0091", "QG2013", "QG5002", "QG5003", "QG5006" }, solution.List("MSBuildWarningsNotAsErrors").ToHashSet());
    }
}
