using System.Diagnostics;
using System.Globalization;

namespace QualityGates.Benchmarks;

/// <summary>
/// Measurements of whole processes: a measuring command prints its figures and one machine-readable
/// line; a comparing command starts this program afresh per run and reads that line back, so each run
/// pays what a build would (runtime start, JIT) and its peak working set is its own.
/// </summary>
internal static class ProcessFigures
{
    /// <summary>The line <see cref="MeasureInFreshProcess"/> parses: mode, elapsed ms, process CPU ms, peak bytes.</summary>
    public const string ResultPrefix = "RESULT";

    /// <summary>Prints this process's figures after a measured pass of <paramref name="elapsed"/>; returns the exit code 0.</summary>
    public static int Print(string mode, TimeSpan elapsed, string figures)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var cpu = process.TotalProcessorTime.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: {elapsed.TotalMilliseconds:F0} ms (process CPU {cpu:F0} ms), peak working set {peak / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {figures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix} {mode} {elapsed.TotalMilliseconds:F1} {cpu:F1} {peak}"));
        return 0;
    }

    /// <summary>Runs this program with <paramref name="arguments"/>, echoes its other lines indented, and returns its figures.</summary>
    public static (double Ms, double Cpu, long Peak) MeasureInFreshProcess(params string[] arguments)
    {
        var start = SelfStartInfo();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(ResultPrefix + " ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                return (double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
            }

            Console.WriteLine("  " + line);
        }

        throw new InvalidOperationException($"{string.Join(' ', arguments)} exited {process.ExitCode} without a result:\n{output}");
    }

    /// <summary>The machine's load, where Linux tells it: timings on a busy machine need that context.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>This program again: its apphost, or <c>dotnet</c> with its dll.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ProcessFigures).Assembly.Location);
        }

        return start;
    }
}
