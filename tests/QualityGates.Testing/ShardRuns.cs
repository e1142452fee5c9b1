namespace QualityGates.Testing;

/// <summary>
/// The real result files of one small test suite run once unsplit and once in three shards
/// (<c>tests/QualityGates.Testing/Data/shards</c>; its README says how they were made).
/// </summary>
public static class ShardRuns
{
    /// <summary>The folder holding <c>shard-A</c>, <c>shard-B</c>, <c>shard-C</c> and <c>unsplit</c>.</summary>
    public static string Folder { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "tests", "QualityGates.Testing", "Data", "shards");

    /// <summary>A file under <see cref="Folder"/>, e.g. <c>ShardRuns.Path("shard-A", "shard-A.trx")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);
}
