using System.Diagnostics;
using System.Text;

namespace QualityGates.Processes;

/// <summary>
/// The one way the product starts a program: found on <c>PATH</c> only (<see cref="ProgramPath"/>),
/// arguments as a list (no shell, nothing re-split or expanded), standard input closed, both output
/// streams drained as they come (a full pipe never stalls the child) up to a size limit, and a time
/// limit after which the child and its descendants are killed.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="start"/> to its end.</summary>
    /// <exception cref="ChildProcessException">The program is not on PATH, cannot be started, runs past its time limit or writes more than its output limit.</exception>
    public static ChildProcessResult Run(ChildProcessStart start)
    {
        var path = ProgramPath.Find(start.Program, start.PathVariable ?? Environment.GetEnvironmentVariable("PATH"))
            ?? throw new ChildProcessException(ChildProcessFailure.NotFound,
                Path.IsPathFullyQualified(start.Program) || start.Program.IndexOfAny(['/', '\\']) < 0
                    ? $"'{start.Program}' is not on the PATH"
                    : $"'{start.Program}' is a relative path; name a program on the PATH or give its absolute path");
        var info = new ProcessStartInfo(path)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(start.RemoveVariable).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            throw new ChildProcessException(ChildProcessFailure.CannotStart, $"'{path}' could not be started ({ex.Message})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = Drain(process.StandardOutput, start.MaxOutputChars);
            var error = Drain(process.StandardError, MaxErrorChars);
            var deadline = Stopwatch.StartNew();
            var finished = process.WaitForExit(start.Timeout)
                && Task.WaitAll([output, error], Remaining(start.Timeout, deadline));
            if (!finished)
            {
                Kill(process);
                throw new ChildProcessException(ChildProcessFailure.TimedOut, $"'{path}' did not finish within {Describe(start.Timeout)}");
            }

            if (output.Result.Truncated)
            {
                throw new ChildProcessException(ChildProcessFailure.OutputTooLarge,
                    $"'{path}' wrote more than {start.MaxOutputChars / (1024 * 1024)} M characters of output");
            }

            return new ChildProcessResult(process.ExitCode, output.Result.Text, error.Result.Text.Trim());
        }
    }

    /// <summary>What is kept of standard error: its start says what went wrong.</summary>
    private const int MaxErrorChars = 64 * 1024;

    /// <summary>Reads <paramref name="reader"/> to its end, keeping at most <paramref name="limit"/> characters (the rest is read and dropped, so the child never blocks on a full pipe).</summary>
    private static async Task<(string Text, bool Truncated)> Drain(StreamReader reader, long limit)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = (int)Math.Min(read, Math.Max(0, limit - text.Length));
            text.Append(buffer, 0, room);
            truncated |= room < read;
        }

        return (text.ToString(), truncated);
    }

    private static TimeSpan Remaining(TimeSpan timeout, Stopwatch elapsed) =>
        timeout - elapsed.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended on its own in between.
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 ? $"{timeout.TotalMinutes:0.#} minutes" : $"{timeout.TotalSeconds:0.#} seconds";
}

/// <summary>A program to run: <see cref="Program"/> is a bare name looked up on PATH, or an absolute path.</summary>
internal sealed record ChildProcessStart(string Program, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>The PATH to search; null for this process's own.</summary>
    public string? PathVariable { get; init; }

    /// <summary>Which inherited environment variables are taken away (none by default).</summary>
    public Func<string, bool> RemoveVariable { get; init; } = _ => false;

    /// <summary>Variables set for the child (after <see cref="RemoveVariable"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the child may run before it and its descendants are killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most standard output kept; more is <see cref="ChildProcessFailure.OutputTooLarge"/>, never a silently shortened answer.</summary>
    public long MaxOutputChars { get; init; } = 256L * 1024 * 1024;
}

/// <summary>What a finished child returned: its exit code, standard output and trimmed standard error.</summary>
internal sealed record ChildProcessResult(int ExitCode, string Output, string Error);

/// <summary>Why a child gave no answer.</summary>
internal enum ChildProcessFailure
{
    NotFound,
    CannotStart,
    TimedOut,
    OutputTooLarge,
}

/// <summary>A child that gave no answer; the caller turns it into its area's coded error.</summary>
internal sealed class ChildProcessException(ChildProcessFailure failure, string message) : Exception(message)
{
    public ChildProcessFailure Failure { get; } = failure;
}
