using System.Globalization;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// An isolated folder for one scenario: its own global.json and NuGet.config (this run's feed, the
/// registry, this run's packages folder, the machine's packages folder as a read-only fallback) and blank Directory.* files, so the repository's own settings
/// never leak in. Every command and its output goes to the test output.
/// </summary>
public sealed class Workspace
{
    private int _commands;

    /// <summary>Creates the folder <paramref name="name"/>-&lt;random&gt; under this run's folder (packing the package on first use).</summary>
    public Workspace(string name, ITestOutputHelper output)
    {
        var feed = PackageFeed.Shared;
        Feed = feed;
        Output = output;
        output.WriteLine($"package QualityGates.MSBuild {feed.Version} from {feed.FeedDirectory} (pack log: {Path.Combine(feed.RunRoot, "pack.log")})");
        Root = Directory.CreateDirectory(Path.Combine(feed.RunRoot, "scenarios", name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        Write("global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature", "allowPrerelease": false } }""");
        // Packages the machine's own folder already holds are used in place, read only; the rest (this run's package among them) is extracted into this run's folder.
        var fallback = feed.MachinePackagesDirectory is { } machine ? $"<add key=\"machine\" value=\"{machine}\" />" : string.Empty;
        Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{feed.PackagesDirectory}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                {fallback}
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="local" value="{feed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        ProjectBuilder.Blank().Save(FullPath("Directory.Build.props"));
        ProjectBuilder.Blank().Save(FullPath("Directory.Build.targets"));
        ProjectBuilder.Blank().Save(FullPath("Directory.Packages.props"));
    }

    public PackageFeed Feed { get; }

    /// <summary>Where commands and their output are logged: the current test's output.</summary>
    public ITestOutputHelper Output { get; set; }

    public string Root { get; }

    public string FullPath(params string[] parts) => Path.Combine([Root, .. parts]);

    public string Write(string relativePath, string content)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void DeleteDirectory(string relativePath)
    {
        var path = FullPath(relativePath);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Runs dotnet in the workspace. MSBuild commands get error-only and warning-only file logs.</summary>
    /// <param name="killWhen">See <see cref="DotnetCli.Run"/>: kills the command and its processes when it returns true.</param>
    public CommandResult Dotnet(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, Func<bool>? killWhen = null)
    {
        // Scenarios may run two commands at once (concurrent runs of one solution): each gets its own logs.
        var number = Interlocked.Increment(ref _commands).ToString("00", CultureInfo.InvariantCulture);
        var errors = FullPath("logs", number + ".errors.log");
        var warnings = FullPath("logs", number + ".warnings.log");
        Directory.CreateDirectory(FullPath("logs"));
        var all = arguments.ToList();
        if (all[0] is "build" or "test" or "msbuild" or "restore")
        {
            all.Add($"-flp:logfile={errors};errorsonly");
            all.Add($"-flp1:logfile={warnings};warningsonly");
        }

        var (exitCode, output) = DotnetCli.Run(workingDirectory ?? Root, all, environment, TimeSpan.FromMinutes(10), Output.WriteLine, killWhen);
        return new CommandResult(exitCode, output, ReadLines(errors), ReadLines(warnings));
    }

    /// <summary>Runs dotnet as <see cref="Dotnet"/> does, for set-up steps: a non-zero exit code throws.</summary>
    public CommandResult DotnetOrThrow(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Dotnet(arguments, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments[0]} failed with exit code {result.ExitCode} in {Root}; see the test output.");
        }

        return result;
    }

    private static IReadOnlyList<string> ReadLines(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList() : [];
}
