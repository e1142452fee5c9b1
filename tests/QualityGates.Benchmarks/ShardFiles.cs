using System.Globalization;

namespace QualityGates.Benchmarks;

/// <summary>
/// The files of a suite split into many CI shards: <see cref="Count"/> TRX files of
/// <see cref="ResultsPerTrx"/> results, each its own run, and as many coverlet-shaped Cobertura files of
/// <see cref="LinesPerCobertura"/> class-level lines, the same code with each shard's own hits.
/// </summary>
internal static class ShardFiles
{
    public const int Count = 200;
    public const int ResultsPerTrx = 1_000;
    public const int LinesPerCobertura = 10_000;

    /// <summary>Writes the files into <paramref name="folder"/> (kept when already there) and returns their paths.</summary>
    public static (IReadOnlyList<string> Trx, IReadOnlyList<string> Cobertura) Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var trx = new List<string>();
        var cobertura = new List<string>();
        for (var i = 1; i <= Count; i++)
        {
            var shard = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"shard-{i:D3}"));
            Directory.CreateDirectory(shard);
            var trxPath = Path.Combine(shard, "results.trx");
            if (!File.Exists(trxPath))
            {
                LargeTrxWriter.Write(trxPath, ResultsPerTrx, failedEvery: 7, skippedEvery: 11, runId: string.Create(CultureInfo.InvariantCulture, $"5a4d0000-0000-4000-8000-{i:D12}"));
            }

            var coberturaPath = Path.Combine(shard, "coverage.cobertura.xml");
            if (!File.Exists(coberturaPath))
            {
                CoberturaGenerator.Write(coberturaPath, LinesPerCobertura, hitSeed: i);
            }

            trx.Add(trxPath);
            cobertura.Add(coberturaPath);
        }

        return (trx, cobertura);
    }

    /// <summary>The files of a folder <see cref="Write"/> filled, in the order a glob gives them.</summary>
    public static (IReadOnlyList<string> Trx, IReadOnlyList<string> Cobertura) In(string folder)
    {
        var shards = Directory.GetDirectories(folder, "shard-*").Order(StringComparer.Ordinal).ToList();
        return (shards.Select(s => Path.Combine(s, "results.trx")).ToList(), shards.Select(s => Path.Combine(s, "coverage.cobertura.xml")).ToList());
    }
}
