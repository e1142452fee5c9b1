using System.Text.Json;

namespace QualityGates.Cli.Tests;

/// <summary><c>qualitygates check</c> over the downloaded artifacts of a suite split into CI shards.</summary>
public sealed class ShardCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ShardCheckTests()
    {
        // Each shard's artifact in a folder of its own; shard B's downloaded twice.
        foreach (var (shard, folder) in new[] { ("shard-A", "results-A"), ("shard-B", "results-B"), ("shard-B", "results-B-again"), ("shard-C", "results-C") })
        {
            var target = Directory.CreateDirectory(Path.Combine(_dir.Path, "artifacts", folder)).FullName;
            File.Copy(ShardRuns.Path(shard, shard + ".trx"), Path.Combine(target, shard + ".trx"));
            File.Copy(ShardRuns.Path(shard, "coverage.cobertura.xml"), Path.Combine(target, "coverage.cobertura.xml"));
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GatesAllShardsAsTheUnsplitRunAndSaysWhatWasMerged()
    {
        var shards = CliRun.Of("check", "--context", "staging", "--coverage-stat", "minimum", "--json",
            "--test-results", Path.Combine(_dir.Path, "artifacts", "*", "*.trx"), "--coverage", Path.Combine(_dir.Path, "artifacts", "**", "coverage.cobertura.xml"));
        var unsplit = CliRun.Of("check", "--context", "staging", "--coverage-stat", "minimum", "--json",
            "--test-results", ShardRuns.Path("unsplit", "unsplit.trx"), "--coverage", ShardRuns.Path("unsplit", "coverage.cobertura.xml"));

        Assert.Equal(unsplit.ExitCode, shards.ExitCode);
        Assert.Equal(unsplit.ErrorCodes, shards.ErrorCodes);
        using var merged = JsonDocument.Parse(shards.Output);
        using var single = JsonDocument.Parse(unsplit.Output);
        Assert.Equal(Checks(single), Checks(merged));
        Assert.Contains("coverage.line[Calc]", Checks(merged));
        Assert.Equal(14, merged.RootElement.GetProperty("metrics").GetProperty("tests").GetProperty("total").GetInt32());
        Assert.Equal([("TRX", 4, 1), ("Cobertura", 4, 1)], merged.RootElement.GetProperty("merged").EnumerateArray()
            .Select(m => (m.GetProperty("kind").GetString()!, m.GetProperty("files").GetInt32(), m.GetProperty("copies").GetInt32())));
        Assert.Contains("QualityGates merged 4 TRX files (1 copy of an earlier file, counted once) from 4 folders:", shards.Error);
        Assert.Contains("QualityGates merged 4 Cobertura files (1 copy of an earlier file, counted once) from 4 folders:", shards.Error);
        var copy = merged.RootElement.GetProperty("inputs").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == "Cobertura" && f.TryGetProperty("sameAs", out var same) && same.ValueKind == JsonValueKind.String);
        Assert.EndsWith("results-B-again/coverage.cobertura.xml", copy.GetProperty("sameAs").GetString()!.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCoverageStatIsQG0009AndExit2()
    {
        var run = CliRun.Of("check", "--coverage-stat", "average", "--coverage", ShardRuns.Path("unsplit", "coverage.cobertura.xml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0009"], run.ErrorCodes);
        Assert.Contains("--coverage-stat is 'average'", run.Error);
    }

    private static string Checks(JsonDocument report) => string.Join("; ", report.RootElement.GetProperty("checks").EnumerateArray()
        .Select(c => $"{c.GetProperty("gate").GetString()} {c.GetProperty("status").GetString()} {c.GetProperty("value")}"));
}
