using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// The package under test, packed once per test run (by the first scenario that asks; the others wait)
/// into a folder feed of this run, with a version no earlier run used, plus the one packages folder
/// every consumer of this run restores into. Both are new per run, so NuGet can never serve a stale
/// copy of the package, and a consumer restored by one scenario is already extracted for the next.
/// </summary>
public sealed partial class PackageFeed
{
    private const string KeepMarker = "KEEP";

    private static readonly Lazy<PackageFeed> Instance = new(() => new PackageFeed(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PackageFeed()
    {
        DeleteFoldersOfEndedRuns();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;
        RunRoot = Path.Combine(Path.GetTempPath(), "qg-e2e-" + stamp);
        if (Environment.GetEnvironmentVariable("QUALITYGATES_E2E_KEEP") == "1")
        {
            Directory.CreateDirectory(RunRoot);
            File.WriteAllText(Path.Combine(RunRoot, KeepMarker), "QUALITYGATES_E2E_KEEP=1: later runs leave this folder alone.");
        }

        FeedDirectory = Directory.CreateDirectory(Path.Combine(RunRoot, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(RunRoot, "packages")).FullName;
        var transcript = new StringBuilder();
        // The test project's build has just built the task project (a ProjectReference in
        // Directory.Build.targets), in this assembly's configuration: pack exactly that build, so the
        // package holds what this run tests, and no second compile of the sources costs a minute.
        var (exitCode, output) = DotnetCli.Run(RepositoryPaths.Root,
            ["pack", Path.Combine("src", "QualityGates.MSBuild"), "--no-build", "-p:BuildProjectReferences=false", "-c", Configuration, "-o", FeedDirectory,
                "-p:Version=0.1.0-e2e." + stamp, "-p:NuspecOutputPath=" + Path.Combine(RunRoot, "nuspec") + "/", "-tl:off", "-nologo"],
            null, TimeSpan.FromMinutes(10), line => transcript.AppendLine(line));
        PackTranscript = transcript.ToString();
        File.WriteAllText(Path.Combine(RunRoot, "pack.log"), PackTranscript);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed (build src/QualityGates.MSBuild in {Configuration} first):\n{output}");
        }

        // The consumers' builds share a compiler server (DotnetCli); this run stops it when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DotnetCli.ShutDownCompilerServer();

        var package = Directory.GetFiles(FeedDirectory, "QualityGates.MSBuild.*.nupkg").Single();
        Version = VersionInName().Match(Path.GetFileName(package)).Groups[1].Value;
    }

    /// <summary>This run's feed; the first call packs the package.</summary>
    public static PackageFeed Shared => Instance.Value;

    /// <summary>The temp folder of this test run; scenarios create their folders under it.</summary>
    public string RunRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    /// <summary>
    /// The machine's NuGet packages folder (NUGET_PACKAGES, or ~/.nuget/packages), which every workspace reads
    /// as a fallback folder: a package the repository's own restore (or anything earlier) extracted there is
    /// used in place instead of being downloaded and extracted again for each run. NuGet never writes to a
    /// fallback folder, and this run's package has a version no earlier run used, so it always comes from
    /// <see cref="FeedDirectory"/> into <see cref="PackagesDirectory"/>. Null when the folder does not exist.
    /// </summary>
    public string? MachinePackagesDirectory { get; } = MachinePackages();

    /// <summary>The package version, as read from the .nupkg file name.</summary>
    public string Version { get; }

    /// <summary>The pack command and its output (also in pack.log in <see cref="RunRoot"/>).</summary>
    public string PackTranscript { get; }

    /// <summary>The configuration this test assembly was built in (Release or Debug), which the task project was built in too.</summary>
    private static string Configuration =>
        typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration ? configuration : "Release";

    private static string? MachinePackages()
    {
        var folder = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
    }

    /// <summary>
    /// Removes the folders of earlier runs whose test process has ended (the test host is stopped
    /// without a chance to clean up after itself), except those kept with QUALITYGATES_E2E_KEEP=1.
    /// </summary>
    private static void DeleteFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "qg-e2e-*"))
        {
            var processId = RunProcessId().Match(Path.GetFileName(folder));
            if (!processId.Success || File.Exists(Path.Combine(folder, KeepMarker)) || IsRunning(int.Parse(processId.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: what cannot be removed now is tried again by the next run.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^qg-e2e-\d{14}-(\d+)$")]
    private static partial Regex RunProcessId();

    [GeneratedRegex(@"^QualityGates\.MSBuild\.(.+)\.nupkg$")]
    private static partial Regex VersionInName();
}
