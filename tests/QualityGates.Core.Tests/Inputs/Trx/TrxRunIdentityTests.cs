using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Trx;
using QualityGates.Running;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>
/// A TRX copied into two artifact folders is one run and counts once; two runs of the same tests (shards,
/// re-runs) are two runs and both count.
/// </summary>
public sealed class TrxRunIdentityTests : IDisposable
{
    private static readonly string ShardA = ShardRuns.Path("shard-A", "shard-A.trx");
    private readonly TempDirectory _temp = new();
    private readonly TrxReader _reader = new();

    public void Dispose() => _temp.Dispose();

    private string Copy(string folder, string source, Func<string, string>? change = null)
    {
        var path = Path.Combine(_temp.Path, folder, Path.GetFileName(source));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, (change ?? (text => text))(File.ReadAllText(source)));
        return path;
    }

    [Fact]
    public void ACopyUnderAnotherFolderCountsOnceAndNamesTheFileItCopies()
    {
        var first = Copy("job-1", ShardA);
        var again = Copy("job-1-again", ShardA);

        var files = _reader.ReadFiles([first, again]);

        Assert.Equal([null, first], files.Select(f => f.SameRunAs));
        Assert.Equal("a3b78238-3c01-439f-9795-fe0aa0baef09", files[0].Summary.RunId);
        var run = _reader.ReadAll([first, again]);
        Assert.Equal((6, 1), (run.Total, run.Failed));
        Assert.Equal([first], run.SourceFiles);
        Assert.Single(run.FailedTests);
    }

    [Fact]
    public void AnotherRunOfTheSameTestsCountsAgain()
    {
        var first = Copy("job-1", ShardA);
        var rerun = Copy("job-2", ShardA, text => text.Replace("a3b78238-3c01-439f-9795-fe0aa0baef09", "0f0e0d0c-0000-4000-8000-000000000001", StringComparison.Ordinal));

        var run = _reader.ReadAll([first, rerun]);

        Assert.Equal((12, 2), (run.Total, run.Failed));
    }

    [Fact]
    public void TheSameRunIdWithOtherContentCountsAgainAndIsMarked()
    {
        var first = Copy("job-1", ShardA);
        var edited = Copy("job-2", ShardA, text => text.Replace("@vm 2026-11-30 13:04:11", "@vm 2026-11-30 13:04:12", StringComparison.Ordinal));
        var copyOfEdited = Copy("job-3", edited);

        var files = _reader.ReadFiles([first, edited, copyOfEdited]);

        Assert.Equal([(null, null), (null, first), (edited, null)], files.Select(f => (f.SameRunAs, f.RunIdSharedWith)));
        Assert.Equal(12, _reader.ReadAll([first, edited, copyOfEdited]).Total);
    }

    [Fact]
    public void AGateRunWarnsQG0021NamingBothFilesThatShareARunId()
    {
        var first = Copy("job-1", ShardA);
        var edited = Copy("job-2", ShardA, text => text.Replace("@vm 2026-11-30 13:04:11", "@vm 2026-11-30 13:04:12", StringComparison.Ordinal));

        var result = new GateRun().Execute(
            new GateRunRequest { Context = "development", Groups = GateGroup.Tests, TestResultFiles = [first, edited], Environment = _ => null },
            TextWriter.Null);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.TestRunIdSharedByDifferentFiles);
        Assert.False(warning.IsError);
        Assert.Equal(edited, warning.File);
        Assert.StartsWith($"'{edited}' and '{first}' both name test run a3b78238-3c01-439f-9795-fe0aa0baef09 but their contents differ; both are counted.", warning.Message);
        Assert.Equal(12, result.Report!.Inputs.Tests!.Total);
    }

    [Fact]
    public void AFileWithoutARunIdIsKnownByItsContent()
    {
        static string WithoutId(string text) => text.Replace("id=\"a3b78238-3c01-439f-9795-fe0aa0baef09\" ", string.Empty, StringComparison.Ordinal);
        var first = Copy("job-1", ShardA, WithoutId);
        var again = Copy("job-1-again", ShardA, WithoutId);
        var other = Copy("job-2", ShardB(), text => text.Replace("id=\"2c339805-df60-43ac-bf82-32d1b4a60b53\" ", string.Empty, StringComparison.Ordinal));

        var files = _reader.ReadFiles([first, again, other]);

        Assert.Null(files[0].Summary.RunId);
        Assert.Equal([null, first, null], files.Select(f => f.SameRunAs));
        Assert.Equal(10, _reader.ReadAll([first, again, other]).Total);
    }

    [Fact]
    public void FailedTestDetailsAreTheEarliestFilesInTheOrderGivenHoweverTheReadsInterleave()
    {
        // 6 files of 400 failed tests each, 2,400 in all: the 1,000 kept are files 1 and 2 whole and half of file 3.
        var paths = Enumerable.Range(1, 6).Select(i =>
        {
            var path = Path.Combine(_temp.Path, $"run-{i}.trx");
            LargeTrxWriter.Write(path, 400, failedEvery: 1, runId: $"00000000-0000-4000-8000-{i:D12}");
            return path;
        }).ToList();

        var run = _reader.ReadAll(paths);

        Assert.Equal(2400, run.Failed);
        Assert.Equal(TrxReader.MaxFailedTestDetails, run.FailedTests.Count);
        Assert.Equal([400, 400, 200], run.FailedTests.GroupBy(t => t.SourceFile).Select(g => g.Count()));
        Assert.Equal(paths.Take(3), run.FailedTests.Select(t => t.SourceFile).Distinct());
    }

    private static string ShardB() => ShardRuns.Path("shard-B", "shard-B.trx");
}
