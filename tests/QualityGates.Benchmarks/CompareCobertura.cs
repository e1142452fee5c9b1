using System.Diagnostics;
using System.Globalization;

namespace QualityGates.Benchmarks;

/// <summary>
/// Runs <c>measure-cobertura</c> in fresh processes, bare pass and reader in turn, and prints each run
/// and the medians against the targets (reader within 1.2x of the bare pass, under 100 MB peak).
/// </summary>
internal static class CompareCobertura
{
    public static int Run(string path, int runs)
    {
        var size = new FileInfo(path).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {size / 1048576.0:F1} MB ({size} bytes), {runs} runs each{LoadAverage()}"));
        var bare = new List<(double Ms, double Cpu, long Peak)>();
        var reader = new List<(double Ms, double Cpu, long Peak)>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(Measure(path, bare: true));
            reader.Add(Measure(path, bare: false));
        }

        var bareMs = Median(bare.Select(r => r.Ms));
        var readerMs = Median(reader.Select(r => r.Ms));
        var bareCpu = Median(bare.Select(r => r.Cpu));
        var readerCpu = Median(reader.Select(r => r.Cpu));
        var readerPeak = reader.Max(r => r.Peak) / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median elapsed: bare {bareMs:F0} ms, reader {readerMs:F0} ms: {readerMs / bareMs:F2}x (target 1.20x)"));
        // On a shared machine elapsed time mostly measures the neighbours; CPU time is steadier.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median process CPU: bare {bareCpu:F0} ms, reader {readerCpu:F0} ms: {readerCpu / bareCpu:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set: bare max {bare.Max(r => r.Peak) / 1048576.0:F1} MB, reader max {readerPeak:F1} MB (target < 100 MB){LoadAverage()}"));
        return 0;
    }

    private static (double Ms, double Cpu, long Peak) Measure(string path, bool bare)
    {
        var start = SelfStartInfo();
        start.ArgumentList.Add("measure-cobertura");
        start.ArgumentList.Add(path);
        if (bare)
        {
            start.ArgumentList.Add("--bare");
        }

        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(MeasureCobertura.ResultPrefix + " ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                return (double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
            }

            Console.WriteLine("  " + line);
        }

        throw new InvalidOperationException($"measure-cobertura exited {process.ExitCode} without a result:\n{output}");
    }

    /// <summary>This program again: its apphost, or <c>dotnet</c> with its dll.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(CompareCobertura).Assembly.Location);
        }

        return start;
    }

    /// <summary>The machine's load, where Linux tells it: timings on a busy machine need that context.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
