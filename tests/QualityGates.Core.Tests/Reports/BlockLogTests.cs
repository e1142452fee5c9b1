using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

public sealed class BlockLogTests
{
    [Fact]
    public void LineNamesTheRunAndEveryFailedGate()
    {
        var line = BlockLog.ToLine(SampleReports.Failing(), "report-x.json");

        Assert.DoesNotContain('\n', line);
        using var entry = JsonDocument.Parse(line);
        var root = entry.RootElement;
        Assert.Equal(["timestamp", "modelName", "modelVersion", "context", "strict", "report", "failedGates"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-03-01T12:34:56.789Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("veran", root.GetProperty("modelName").GetString());
        Assert.Equal("v6.2", root.GetProperty("modelVersion").GetString());
        Assert.Equal("production", root.GetProperty("context").GetString());
        Assert.Equal("report-x.json", root.GetProperty("report").GetString());
        var gates = root.GetProperty("failedGates").EnumerateArray().ToList();
        Assert.Equal(["tests.pass_rate", "coverage.line", "security.critical"], gates.Select(g => g.GetProperty("gate").GetString()));
        Assert.Equal(["QG2001", "QG2002", "QG2009"], gates.Select(g => g.GetProperty("code").GetString()));
        Assert.Equal("Line coverage 85.0% is below the production minimum of 90.0% (850 of 1000 lines covered)", gates[1].GetProperty("message").GetString());
    }

    [Fact]
    public void AppendsOneLinePerCallAndKeepsEarlierLines()
    {
        using var folder = new TempDirectory();
        var log = new BlockLog(Path.Combine(folder.Path, "blocks.jsonl"));

        log.Append(SampleReports.Failing());
        log.Append(SampleReports.Failing() with { Model = new ModelIdentity("veran", "v6.3") });

        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["v6.2", "v6.3"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("modelVersion").GetString()));
        Assert.EndsWith("\n", File.ReadAllText(log.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void ParallelThreadsLoseAndTearNoLine()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "blocks.jsonl");

        // Each append opens its own FileStream, so threads contend for the file exactly as processes do.
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, writer =>
        {
            var log = new BlockLog(path, TimeSpan.FromSeconds(60));
            for (var i = 0; i < 50; i++)
            {
                log.Append(SampleReports.Failing() with { Model = new ModelIdentity("t" + writer, "v" + i) });
            }
        });

        AssertComplete(path, Enumerable.Range(0, 8).Select(w => "t" + w), 50);
    }

    [Fact]
    public async Task ParallelProcessesLoseAndTearNoLine()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "blocks.jsonl");

        var children = Enumerable.Range(0, 4).Select(w => ChildProcess.Start("append-blocks", path, "100", w.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var child in children)
        {
            using (child)
            {
                var (exitCode, output) = await child.WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(exitCode == 0, output);
            }
        }

        AssertComplete(path, Enumerable.Range(0, 4).Select(w => "p" + w), 100);
    }

    [Fact]
    public void MissingFolderGivesReportNotWrittenNamingTheFile()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "missing", "blocks.jsonl");

        var error = Assert.Throws<QualityGatesException>(() => new BlockLog(path).Append(SampleReports.Failing()));

        Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void LockedFileIsWaitedForThenReportedAsNotWritten()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "blocks.jsonl");
        using var holder = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);

        var started = DateTime.UtcNow;
        var error = Assert.Throws<QualityGatesException>(() => new BlockLog(path, TimeSpan.FromMilliseconds(300)).Append(SampleReports.Failing()));

        Assert.Equal(ErrorCodes.ReportNotWritten, error.Code);
        Assert.Equal(path, error.File);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
    }

    private static void AssertComplete(string path, IEnumerable<string> writers, int perWriter)
    {
        var expected = writers.SelectMany(w => Enumerable.Range(0, perWriter).Select(i => $"{w}:v{i}")).Order(StringComparer.Ordinal).ToList();
        var text = File.ReadAllText(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n')[..^1];
        var seen = lines.Select(line =>
        {
            using var entry = JsonDocument.Parse(line); // a torn or interleaved line would not parse
            return entry.RootElement.GetProperty("modelName").GetString() + ":" + entry.RootElement.GetProperty("modelVersion").GetString();
        }).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
    }
}
