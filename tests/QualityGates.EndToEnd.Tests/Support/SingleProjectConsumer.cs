namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// The one-library, one-test-project consumer most scenarios share: restored and built once per run,
/// then tested with different properties, loggers and environment variables. Reusing it also checks
/// that no run reads what an earlier run left behind.
/// </summary>
public static class SingleProjectConsumer
{
    private static readonly object Gate = new();
    private static Workspace? _shared;

    public static string ProjectPath => Path.Combine(GatedConsumer.TestsFolder, GatedConsumer.TestsFolder + ".csproj");

    /// <summary>The shared consumer; the first call builds it, with <paramref name="output"/> logging the build.</summary>
    public static Workspace Get(PackageFeed feed, ITestOutputHelper output)
    {
        lock (Gate)
        {
            if (_shared is null || _shared.Feed != feed)
            {
                var workspace = new Workspace(feed, output, "single");
                GatedConsumer.WriteSources(workspace);
                GatedConsumer.TestProject(feed)
                    .ItemPackageReference("coverlet.msbuild", "10.0.1", privateAssets: "all")
                    // For QualityGatesCoverageReport; the package only adds a task, so other scenarios are unaffected.
                    .ItemPackageReference("ReportGenerator", "5.6.0", privateAssets: "all")
                    .Save(workspace.FullPath(ProjectPath));
                var build = workspace.Dotnet(["build", ProjectPath, "-tl:off"]);
                Assert.Equal(0, build.ExitCode);
                _shared = workspace;
            }

            _shared.Output = output;
            return _shared;
        }
    }

    /// <summary>Runs dotnet test on the test project after removing the last run's reports (not its TestResults).</summary>
    public static CommandResult Test(this Workspace workspace, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        workspace.DeleteDirectory(Path.Combine(GatedConsumer.TestsFolder, ".quality-gates"));
        return workspace.Dotnet(["test", ProjectPath, .. arguments], environment);
    }
}
