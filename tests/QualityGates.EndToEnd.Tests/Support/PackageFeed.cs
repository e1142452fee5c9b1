using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// Packs the package once per test run into a local folder feed, with a version no earlier run used,
/// and holds the one packages folder all scenarios restore into (fresh per run, so never stale).
/// </summary>
public sealed partial class PackageFeed : IDisposable
{
    public PackageFeed(IMessageSink sink)
    {
        RunRoot = Path.Combine(Path.GetTempPath(), "qg-e2e-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);
        FeedDirectory = Directory.CreateDirectory(Path.Combine(RunRoot, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(RunRoot, "packages")).FullName;
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        // Pack a copy of the sources: the solution's own build may be compiling the same projects right now.
        var source = RepositoryPaths.CopyPackageSources(Path.Combine(RunRoot, "source"));
        var (exitCode, output) = DotnetCli.Run(source,
            ["pack", Path.Combine("src", "QualityGates.MSBuild"), "-c", "Release", "-o", FeedDirectory, "-p:Version=" + version, "-tl:off", "-nologo"],
            null, TimeSpan.FromMinutes(5), line => sink.OnMessage(new DiagnosticMessage(line)));
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        var package = Directory.GetFiles(FeedDirectory, "QualityGates.MSBuild.*.nupkg").Single();
        Version = VersionInName().Match(Path.GetFileName(package)).Groups[1].Value;
    }

    /// <summary>The temp folder of this test run; scenarios create their folders under it.</summary>
    public string RunRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    /// <summary>The package version, as read from the .nupkg file name.</summary>
    public string Version { get; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("QUALITYGATES_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(RunRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held by a process that is exiting must not fail the run.
        }
    }

    [GeneratedRegex(@"^QualityGates\.MSBuild\.(.+)\.nupkg$")]
    private static partial Regex VersionInName();
}
