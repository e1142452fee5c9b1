using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace QualityGates.Cli.Tests;

/// <summary>
/// Packs the CLI with a version no cache has seen, installs it with <c>dotnet tool install</c> into a
/// private tool path from a private feed (NuGet config cleared, packages folder inside the temp folder),
/// and runs the installed <c>qualitygates</c>. Once per test class.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private readonly StringBuilder _transcript = new();

    public InstalledTool()
    {
        Root = Path.Combine(Path.GetTempPath(), "qg-tool-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Version = $"0.1.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(100000)}";
        var feed = Path.Combine(Root, "feed");
        var config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        var isolated = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };

        // This test project's build has just built the CLI (a ProjectReference) in this assembly's
        // configuration: pack that build rather than compile it again.
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var pack = Dotnet(["pack", Path.Combine(RepositoryPaths.Root, "src", "QualityGates.Cli"), "--no-build", "-p:BuildProjectReferences=false", "-c", configuration, "-o", feed,
                "-p:Version=" + Version, "-p:NuspecOutputPath=" + Path.Combine(Root, "nuspec") + "/", "--nologo"],
            RepositoryPaths.Root, null, TimeSpan.FromMinutes(3));
        Require(pack, "dotnet pack");
        Require(Dotnet(["tool", "install", "QualityGates.Cli", "--tool-path", Path.Combine(Root, "tools"), "--version", Version,
            "--configfile", config, "--add-source", feed], Root, isolated, TimeSpan.FromMinutes(3)), "dotnet tool install");
        ToolPath = Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "qualitygates.exe" : "qualitygates");
    }

    public string Root { get; }
    public string Version { get; }
    public string ToolPath { get; }

    /// <summary>Every command run so far and its output, for the test log.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Runs the installed tool in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public ProcessRun Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var withRuntime = new Dictionary<string, string?>(environment)
        {
            // The apphost finds the runtime through DOTNET_ROOT when dotnet is not installed where it looks by default.
            ["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost()) is { Length: > 0 } root && File.Exists(DotnetHost()) ? root : null,
        };
        return Start(ToolPath, args, workingDirectory, withRuntime, TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private ProcessRun Dotnet(string[] args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout) =>
        Start(DotnetHost(), args, workingDirectory, environment ?? new Dictionary<string, string?>(), timeout);

    private ProcessRun Start(string file, string[] args, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // CI variables of the machine running the tests must not decide who a record is by.
        foreach (var name in new[] { "QUALITYGATES_REGISTRY", "QUALITYGATES_USER", "BUILD_USER_ID", "BUILD_USER", "GITHUB_ACTOR", "BUILD_REQUESTEDFOREMAIL", "BUILD_REQUESTEDFOR", "GITLAB_USER_LOGIN" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }

        var run = new ProcessRun(process.ExitCode, stdout.Result, stderr.Result);
        lock (_transcript)
        {
            _transcript.AppendLine(CultureInfo.InvariantCulture, $"$ {Path.GetFileName(file)} {string.Join(' ', args.Select(Quote))}   [exit {run.ExitCode}, {watch.ElapsedMilliseconds} ms]");
            _transcript.AppendLine(run.Output.TrimEnd());
            _transcript.AppendLine(run.Error.TrimEnd());
        }

        return run;
    }

    private static void Require(ProcessRun run, string what)
    {
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {run.ExitCode}:\n{run.Output}\n{run.Error}");
        }
    }

    private static string Quote(string arg) => arg.Contains(' ') ? $"\"{arg}\"" : arg;

    private static string DotnetHost() =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
