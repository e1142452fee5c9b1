using System.Diagnostics;
using System.Text;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// Runs the real dotnet CLI out of process with a timeout, in a clean environment: the variables the
/// outer test run's MSBuild and VSTest set are removed, so the consumer build is a fresh one.
/// </summary>
public static class DotnetCli
{
    private static readonly string[] InheritedPrefixes = ["MSBUILD", "MSBuild", "VSTEST", "_MSBUILD", "TESTINGPLATFORM", "DOTNET_HOST_PATH", "NUGET_",
        // A CI server running these tests must not see the consumers publish to it (annotations, its step summary).
        "GITHUB_", "TF_BUILD", "JENKINS_URL", "QUALITYGATES_"];

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns exit code and output.</summary>
    /// <param name="killWhen">
    /// Checked twice a second while the command runs: when it returns true, the command and every process it
    /// started are killed (an interrupted run), and the exit code is that of the killed process.
    /// </param>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, Action<string> log, Func<bool>? killWhen = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node may outlive the command: it would keep an old task assembly loaded.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // The consumers' compiles share one warm compiler server (it loads no task assembly), whatever the
        // caller's environment says: a cold csc per project costs seconds of CPU each. Shut down when the run ends.
        start.Environment["UseSharedCompilation"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        log($"> cd {workingDirectory} && dotnet {string.Join(' ', arguments.Select(Quote))}"
            + (environment is { Count: > 0 } ? $"   (env: {string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}"))})" : string.Empty));
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var killed = killWhen is not null && KilledWhen(process, killWhen, timeout);
        if (killed)
        {
            log("< killed with its process tree, as asked");
        }
        else if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            log(output.ToString());
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        var text = output.ToString();
        log(text);
        log($"< exit code {process.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        return (process.ExitCode, text);
    }

    /// <summary>
    /// Asks the compiler server the consumers' builds started to stop (<c>dotnet build-server shutdown --vbcscompiler</c>),
    /// so it does not outlive the run; waited for a few seconds at most, as the test host is ending. The server finishes the compiles
    /// it has, and a build that still wants one starts its own compiler.
    /// </summary>
    public static void ShutDownCompilerServer()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build-server", "shutdown", "--vbcscompiler" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit(TimeSpan.FromSeconds(20));
    }

    private static bool KilledWhen(Process process, Func<bool> killWhen, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(500) && clock.Elapsed < timeout)
        {
            if (killWhen())
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Quote(string argument) => argument.Contains(' ') || argument.Contains(';') ? $"\"{argument}\"" : argument;
}
