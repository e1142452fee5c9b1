using System.Globalization;

namespace QualityGates.Benchmarks;

/// <summary>
/// Runs <c>measure-shards</c> in fresh processes, one-by-one reads and the merge in turn, and prints each
/// run and the medians against the targets (merge within 1.3x of the one-by-one reads, under 150 MB peak
/// working set for the whole process).
/// </summary>
internal static class CompareShards
{
    public static int Run(string folder, int runs)
    {
        var (trx, cobertura) = ShardFiles.Write(folder);
        var bytes = trx.Concat(cobertura).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{folder}: {trx.Count} TRX ({ShardFiles.ResultsPerTrx} results each) + {cobertura.Count} Cobertura ({ShardFiles.LinesPerCobertura} class-level lines each), {bytes / 1048576.0:F0} MB, {runs} runs each, {Environment.ProcessorCount} cores{ProcessFigures.LoadAverage()}"));
        var oneByOne = new List<(double Ms, double Cpu, long Peak)>();
        var merged = new List<(double Ms, double Cpu, long Peak)>();
        for (var i = 0; i < runs; i++)
        {
            oneByOne.Add(ProcessFigures.MeasureInFreshProcess("measure-shards", folder));
            merged.Add(ProcessFigures.MeasureInFreshProcess("measure-shards", folder, "--merged"));
        }

        var oneMs = ProcessFigures.Median(oneByOne.Select(r => r.Ms));
        var mergedMs = ProcessFigures.Median(merged.Select(r => r.Ms));
        var oneCpu = ProcessFigures.Median(oneByOne.Select(r => r.Cpu));
        var mergedCpu = ProcessFigures.Median(merged.Select(r => r.Cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median elapsed: one by one {oneMs:F0} ms, merged {mergedMs:F0} ms: {mergedMs / oneMs:F2}x (target ≤ 1.30x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median process CPU: one by one {oneCpu:F0} ms, merged {mergedCpu:F0} ms: {mergedCpu / oneCpu:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set: one by one max {oneByOne.Max(r => r.Peak) / 1048576.0:F1} MB, merged max {merged.Max(r => r.Peak) / 1048576.0:F1} MB (target < 150 MB){ProcessFigures.LoadAverage()}"));
        return 0;
    }
}
