namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// The consumer most scenarios share, written, restored and built once per test run: Gated.sln with
/// the library, Lib.Tests (which also references coverlet.msbuild and ReportGenerator) and
/// Lib.StrictTests (every test must pass). Scenarios then run <c>dotnet test --no-build</c> on it with
/// their own properties, loggers and environment variables, which also checks that no run reads what
/// an earlier run left behind. They change files in its folder, so they belong to
/// <see cref="Collection"/> and run one at a time; scenarios with a workspace of their own run in parallel.
/// </summary>
public static class SharedConsumer
{
    /// <summary>The xunit collection of the scenarios that use the shared consumer.</summary>
    public const string Collection = "shared consumer";

    public const string Solution = "Gated.sln";
    public const string StrictTestsFolder = "Lib.StrictTests";

    private static readonly Lock Gate = new();
    private static Workspace? _shared;
    private static Exception? _setupFailure;

    /// <summary>The shared consumer; the first call builds it, with <paramref name="output"/> logging the build.</summary>
    public static Workspace Get(ITestOutputHelper output)
    {
        lock (Gate)
        {
            // A set-up that failed once fails every scenario at once instead of being tried again by each.
            if (_setupFailure is not null)
            {
                throw new InvalidOperationException("Setting up the shared consumer failed in an earlier scenario; see its output.", _setupFailure);
            }

            if (_shared is null)
            {
                var workspace = new Workspace("shared", output);
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
                try
                {
                    Require(workspace.Dotnet(["new", "sln", "-n", "Gated", "--format", "sln"]));
                    Require(workspace.Dotnet(["sln", Solution, "add", "Lib/Lib.csproj", GatedConsumer.ProjectPath, $"{StrictTestsFolder}/{StrictTestsFolder}.csproj"]));
                    Require(workspace.Dotnet(["build", Solution, "-tl:off"]));
                }
                catch (Exception e)
                {
                    _setupFailure = e;
                    throw;
                }

                _shared = workspace;
            }

            _shared.Output = output;
            return _shared;
        }
    }

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

    private static void Require(CommandResult command)
    {
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException("Setting up the shared consumer failed; see the test output for the command.");
        }
    }
}
