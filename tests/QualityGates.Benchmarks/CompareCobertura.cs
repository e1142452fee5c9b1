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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {size / 1048576.0:F1} MB ({size} bytes), {runs} runs each{ProcessFigures.LoadAverage()}"));
        var bare = new List<(double Ms, double Cpu, long Peak)>();
        var reader = new List<(double Ms, double Cpu, long Peak)>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(Measure(path, bare: true));
            reader.Add(Measure(path, bare: false));
        }

        var bareMs = ProcessFigures.Median(bare.Select(r => r.Ms));
        var readerMs = ProcessFigures.Median(reader.Select(r => r.Ms));
        var bareCpu = ProcessFigures.Median(bare.Select(r => r.Cpu));
        var readerCpu = ProcessFigures.Median(reader.Select(r => r.Cpu));
        var readerPeak = reader.Max(r => r.Peak) / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median elapsed: bare {bareMs:F0} ms, reader {readerMs:F0} ms: {readerMs / bareMs:F2}x (target 1.20x)"));
        // On a shared machine elapsed time mostly measures the neighbours; CPU time is steadier.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median process CPU: bare {bareCpu:F0} ms, reader {readerCpu:F0} ms: {readerCpu / bareCpu:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set: bare max {bare.Max(r => r.Peak) / 1048576.0:F1} MB, reader max {readerPeak:F1} MB (target < 100 MB){ProcessFigures.LoadAverage()}"));
        return 0;
    }

    private static (double Ms, double Cpu, long Peak) Measure(string path, bool bare) =>
        bare ? ProcessFigures.MeasureInFreshProcess("measure-cobertura", path, "--bare") : ProcessFigures.MeasureInFreshProcess("measure-cobertura", path);
}
