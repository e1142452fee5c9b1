namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// The consumer most scenarios share, written, restored and built once per test run: Gated.sln with
/// the library, Lib.Tests (which also references coverlet.msbuild and ReportGenerator) and
/// Lib.StrictTests (every test must pass). Scenarios run <c>dotnet test --no-build</c> on it with their
/// own properties, loggers and environment variables (<see cref="GatedConsumer"/>'s tests read
/// QG_FAILCOUNT and QG_PARTIAL_COVERAGE), which also checks that no run reads what an earlier run left
/// behind. Scenarios that use it belong to <see cref="Collection"/>.
/// </summary>
public static class SharedConsumer
{
    /// <summary>The xunit collection of the scenarios that use the shared consumer.</summary>
    public const string Collection = "shared consumer";

    public const string Solution = "Gated.sln";
    public const string StrictTestsFolder = "Lib.StrictTests";

    private static readonly SharedWorkspace Shared = new("shared", SetUp);

    /// <summary>The shared consumer; the first call builds it, with <paramref name="output"/> logging the build.</summary>
    public static Workspace Get(ITestOutputHelper output) => Shared.Get(output);

    /// <summary>
    /// Runs <c>dotnet test --no-build</c> on Lib.Tests after removing the last run's reports (not its
    /// TestResults). Properties given with -p: apply to the run and the gate; the build is the shared one.
    /// </summary>
    public static CommandResult Test(this Workspace workspace, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        workspace.DeleteDirectory(Path.Combine(GatedConsumer.TestsFolder, ".quality-gates"));
        return workspace.Dotnet(["test", GatedConsumer.ProjectPath, "--no-build", .. arguments], environment);
    }

    /// <summary>Runs <c>dotnet test --no-build</c> on the whole solution after removing both test projects' reports.</summary>
    public static CommandResult TestSolution(this Workspace workspace, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        workspace.DeleteDirectory(Path.Combine(GatedConsumer.TestsFolder, ".quality-gates"));
        workspace.DeleteDirectory(Path.Combine(StrictTestsFolder, ".quality-gates"));
        return workspace.Dotnet(["test", Solution, "--no-build", .. arguments], environment);
    }

    private static void SetUp(Workspace workspace)
    {
        GatedConsumer.WriteSources(workspace);
        GatedConsumer.WriteSources(workspace, testsFolder: StrictTestsFolder);
        GatedConsumer.TestProject(workspace.Feed)
            .ItemPackageReference("coverlet.msbuild", "10.0.1", privateAssets: "all")
            // For QualityGatesCoverageReport; the package only adds a task, so other scenarios are unaffected.
            .ItemPackageReference("ReportGenerator", "5.6.0", privateAssets: "all")
            .Save(workspace.FullPath(GatedConsumer.ProjectPath));
        GatedConsumer.TestProject(workspace.Feed)
            .Property("QualityGatesMinTestPassRate", "1.0")
            .Save(workspace.FullPath(StrictTestsFolder, StrictTestsFolder + ".csproj"));
        workspace.DotnetOrThrow(["new", "sln", "-n", "Gated", "--format", "sln"]);
        workspace.DotnetOrThrow(["sln", Solution, "add", "Lib/Lib.csproj", GatedConsumer.ProjectPath, $"{StrictTestsFolder}/{StrictTestsFolder}.csproj"]);
        workspace.DotnetOrThrow(["build", Solution, "-tl:off"]);
    }
}
