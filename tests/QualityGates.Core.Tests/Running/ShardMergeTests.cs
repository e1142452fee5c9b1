using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Running;

namespace QualityGates.Tests.Running;

/// <summary>
/// A test suite split across CI jobs, its artifacts downloaded into one folder, gates to the verdict and
/// figures of the same suite run in one job. The files are real: one suite run in three shards
/// and once unsplit (tests/QualityGates.Testing/Data/shards).
/// </summary>
public sealed class ShardMergeTests : IDisposable
{
    private static readonly string[] Shards = ["shard-A", "shard-B", "shard-C"];
    private readonly TempDirectory _dir = new();

    public ShardMergeTests()
    {
        // What a last CI job sees after downloading every job's artifact: one folder per artifact.
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));
        foreach (var shard in Shards)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "artifacts", "results-" + shard)).FullName;
            File.Copy(ShardRuns.Path(shard, shard + ".trx"), Path.Combine(folder, shard + ".trx"));
            File.Copy(ShardRuns.Path(shard, "coverage.cobertura.xml"), Path.Combine(folder, "coverage.cobertura.xml"));
        }
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Contexts => new() { "development", "staging", "production" };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void ThreeShardsGateToTheVerdictAndFiguresOfTheUnsplitRun(string context)
    {
        var unsplit = Run(context, [ShardRuns.Path("unsplit", "unsplit.trx")], [ShardRuns.Path("unsplit", "coverage.cobertura.xml")]);
        var shards = Run(context, ["artifacts/*/*.trx"], ["artifacts/**/coverage.cobertura.xml"]);

        Assert.Equal(unsplit.Passed, shards.Passed);
        Assert.Equal(Figures(unsplit), Figures(shards));
        Assert.Equal(unsplit.Diagnostics.Select(d => (d.Code, d.Gate)), shards.Diagnostics.Select(d => (d.Code, d.Gate)));
        var tests = shards.Report!.Inputs.Tests!;
        Assert.Equal((14, 12, 1, 1), (tests.Total, tests.Passed, tests.Failed, tests.Skipped));
        var coverage = shards.Report.Inputs.Coverage!;
        Assert.Equal((15L, 19L), (coverage.LinesCovered, coverage.LinesValid));
    }

    [Fact]
    public void MergedBranchCoverageIsALowerBoundOfTheUnsplitRuns()
    {
        // Cobertura gives a line's branch count, not which branch ran: Clamp's `if (value < min)` had one
        // branch taken in shard B (ClampsLow) and the other in shard C (ClampsHigh), so the merge (the larger count per line) says
        // 1 of 2 where the unsplit run says 2 of 2 (docs/ci-shards.md).
        var unsplit = Run("staging", [ShardRuns.Path("unsplit", "unsplit.trx")], [ShardRuns.Path("unsplit", "coverage.cobertura.xml")]).Report!.Inputs.Coverage!;
        var shards = Run("staging", ["artifacts/*/*.trx"], ["artifacts/**/coverage.cobertura.xml"]).Report!.Inputs.Coverage!;

        Assert.Equal((6L, 10L), (unsplit.BranchesCovered, unsplit.BranchesValid));
        Assert.Equal((5L, 10L), (shards.BranchesCovered, shards.BranchesValid));
    }

    [Fact]
    public void AnArtifactDownloadedTwiceCountsOnceAndTheSummarySaysSo()
    {
        var copy = Directory.CreateDirectory(Path.Combine(_dir.Path, "artifacts", "results-shard-A-retry")).FullName; // sorts before results-shard-A/
        File.Copy(ShardRuns.Path("shard-A", "shard-A.trx"), Path.Combine(copy, "shard-A.trx"));
        var unsplit = Run("staging", [ShardRuns.Path("unsplit", "unsplit.trx")], [ShardRuns.Path("unsplit", "coverage.cobertura.xml")]);

        var shards = Run("staging", ["artifacts/*/*.trx"], ["artifacts/**/coverage.cobertura.xml"]);

        Assert.Equal(Figures(unsplit), Figures(shards));
        var copyRow = shards.Report!.Inputs.Files.Single(f => f.SameAs is not null);
        Assert.Equal(("artifacts/results-shard-A/shard-A.trx", "artifacts/results-shard-A-retry/shard-A.trx"), (copyRow.Path, copyRow.SameAs));
        Assert.Contains(
            "QualityGates merged 4 TRX files (1 copy of an earlier file, counted once) from 4 folders: artifacts/results-shard-A-retry (1), artifacts/results-shard-A (1), artifacts/results-shard-B (1), artifacts/results-shard-C (1)",
            shards.InputLines);
        Assert.Contains(
            "QualityGates merged 3 Cobertura files from 3 folders: artifacts/results-shard-A (1), artifacts/results-shard-B (1), artifacts/results-shard-C (1)",
            shards.InputLines);
        Assert.Contains("QualityGates input: TRX artifacts/results-shard-A/shard-A.trx: the same test run as an earlier file, counted once (artifacts/results-shard-A-retry/shard-A.trx)", shards.InputLines);

        Assert.Contains(" · merged 4 TRX (1 copy) + 3 Cobertura files from 4 folders", shards.SummaryLine);
        var page = QualityGates.Reports.Html.HtmlReportWriter.ToHtml(shards.Report);
        Assert.Contains("the same test run as an earlier file, counted once (<code>artifacts/results-shard-A-retry/shard-A.trx</code>)", page);
        Assert.Contains("<p class=\"note\">Merged 4 TRX files (1 copy of an earlier file, counted once) from 4 folders: artifacts/results-shard-A-retry (1), ", page);
        using var json = JsonDocument.Parse(shards.Json!);
        var trx = json.RootElement.GetProperty("merged")[0];
        Assert.Equal(("TRX", 4, 1, 4), (trx.GetProperty("kind").GetString(), trx.GetProperty("files").GetInt32(), trx.GetProperty("copies").GetInt32(), trx.GetProperty("folders").GetArrayLength()));
        Assert.Equal("artifacts/results-shard-A-retry/shard-A.trx",
            json.RootElement.GetProperty("inputs").EnumerateArray().Single(i => i.TryGetProperty("sameAs", out _)).GetProperty("sameAs").GetString());
    }

    [Fact]
    public void VsTestsInFolderCopyOfACoberturaFileCountsAsACopy()
    {
        // A path given twice is read once. A TRX logger beside --collect: VSTest copies the collector's <guid>/coverage.cobertura.xml into
        // <user>_<machine>_<time>/In/<machine>/ for the TRX's attachment link (msbuild-mechanics notes).
        var vstestCopy = Directory.CreateDirectory(Path.Combine(_dir.Path, "artifacts", "results-shard-B", "_vm_2026-11-30_14_00_00", "In", "vm")).FullName;
        File.Copy(ShardRuns.Path("shard-B", "coverage.cobertura.xml"), Path.Combine(vstestCopy, "coverage.cobertura.xml"));
        var unsplit = Run("staging", [ShardRuns.Path("unsplit", "unsplit.trx")], [ShardRuns.Path("unsplit", "coverage.cobertura.xml")]);

        var shards = Run("staging", ["artifacts/*/*.trx"], ["artifacts/**/coverage.cobertura.xml", "artifacts/results-shard-A/coverage.cobertura.xml"]);

        Assert.Equal(Figures(unsplit), Figures(shards));
        var copyRow = Assert.Single(shards.Report!.Inputs.Files, f => f.SameAs is not null);
        // The glob sorts '_vm_…' before 'coverage…', so VSTest's copy is read first and the collector's file is the copy.
        Assert.Equal(("Cobertura", "artifacts/results-shard-B/coverage.cobertura.xml", "the same bytes as an earlier file, counted once"), (copyRow.Kind, copyRow.Path, copyRow.Contribution));
        Assert.EndsWith("In/vm/coverage.cobertura.xml", copyRow.SameAs, StringComparison.Ordinal);
        Assert.Contains(shards.InputLines, l => l.StartsWith("QualityGates merged 4 Cobertura files (1 copy of an earlier file, counted once) from 4 folders:", StringComparison.Ordinal));
        Assert.Equal(4, shards.Report.Inputs.Files.Count(f => f.Kind == "Cobertura"));
    }

    [Fact]
    public void OneRunHasNoMergedSection()
    {
        var unsplit = Run("staging", [ShardRuns.Path("unsplit", "unsplit.trx")], [ShardRuns.Path("unsplit", "coverage.cobertura.xml")]);

        using var json = JsonDocument.Parse(unsplit.Json!);
        Assert.Equal(0, json.RootElement.GetProperty("merged").GetArrayLength());
        Assert.DoesNotContain(unsplit.InputLines, l => l.StartsWith("QualityGates merged", StringComparison.Ordinal));
        Assert.DoesNotContain("merged", unsplit.SummaryLine);
    }

    [Fact]
    public void TheMergeApiGivesTheSameSummariesWithARowPerFile()
    {
        var trx = FilePatterns.Expand(["artifacts/*/*.trx"], _dir.Path);
        var coverage = FilePatterns.Expand(["artifacts/*/coverage.cobertura.xml"], _dir.Path);

        var merged = ResultFileMerge.Read(trx, coverage);

        Assert.Equal((14, 12, 1, 1), (merged.Tests!.Total, merged.Tests.Passed, merged.Tests.Failed, merged.Tests.Skipped));
        Assert.Equal((15L, 19L), (merged.Coverage!.LinesCovered, merged.Coverage.LinesValid));
        Assert.Equal(["Calc"], merged.Coverage.Packages.Select(p => p.Name));
        Assert.Equal(
            ["TRX: 6 results, 1 failed", "TRX: 4 results, 0 failed", "TRX: 4 results, 0 failed", "Cobertura: 2 of 19 lines", "Cobertura: 5 of 19 lines", "Cobertura: 9 of 19 lines"],
            merged.Files.Select(f => $"{f.Kind}: {f.Contribution}"));
        Assert.Equal([("TRX", 3), ("Cobertura", 3)], merged.Merges.Select(m => (m.Kind, m.Folders.Count)));
        Assert.Empty(merged.Warnings);
    }

    private GateRunResult Run(string context, string[] trx, string[] coverage) => new GateRun().Execute(
        new GateRunRequest
        {
            Context = context,
            Groups = GateGroup.Tests | GateGroup.Coverage,
            BaseDirectory = _dir.Path,
            TestResultFiles = trx,
            CoverageFiles = coverage,
            Reports = new ReportOptions { Json = true },
            Environment = _ => null,
        },
        TextWriter.Null);

    private static IReadOnlyList<(string Gate, GateStatus Status, double? Value, double? Threshold)> Figures(GateRunResult result) =>
        result.Report!.Checks.Select(c => (c.Gate, c.Status, c.Value, c.Threshold)).ToList();
}
