namespace QualityGates.Tests.Inputs.Benchmarks;

/// <summary>The real BenchmarkDotNet runs in tests/fixtures/benchmarks (see its MANIFEST rows): base, rerun, regressed, broken.</summary>
internal static class BenchmarkFixtures
{
    public const string Namespace = "QualityGates.BenchmarkSubject.";
    public const string SumCsv = Namespace + "ParseBenchmarks.SumCsv";

    /// <summary>The full export of one benchmark class of a run, e.g. <c>Full("base", "TextBenchmarks")</c>.</summary>
    public static string Full(string run, string type) => Fixtures.Path("benchmarks", run, $"{Namespace}{type}-report-full.json");

    /// <summary>The brief export (no measurements, only statistics) of one benchmark class of a run.</summary>
    public static string Brief(string run, string type) => Fixtures.Path("benchmarks", run, $"{Namespace}{type}-report-brief.json");

    /// <summary>A glob of every full export of a run.</summary>
    public static string AllFull(string run) => Fixtures.Path("benchmarks", run, "*-report-full.json");

    public static readonly string[] Types = ["CollectionBenchmarks", "ParseBenchmarks", "TextBenchmarks"];
}
