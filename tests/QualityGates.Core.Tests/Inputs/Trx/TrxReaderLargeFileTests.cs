using System.Diagnostics;
using QualityGates.Inputs.Trx;
using Xunit.Abstractions;

namespace QualityGates.Tests.Inputs.Trx;

/// <summary>Large files stream in bounded memory: every result counted, only the first failures detailed.</summary>
public sealed class TrxReaderLargeFileTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TrxReader reader = new();
    private readonly ITestOutputHelper output;

    public TrxReaderLargeFileTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => temp.Dispose();

    [Fact]
    public void CountsAHundredThousandResultsExactlyAndKeepsTheFirstThousandFailures()
    {
        const int results = 100_000;
        var path = Path.Combine(temp.Path, "large.trx");
        var clock = Stopwatch.StartNew();
        LargeTrxWriter.Write(path, results, failedEvery: 7, skippedEvery: 11);
        var written = clock.Elapsed;

        clock.Restart();
        var run = reader.Read(path);
        var read = clock.Elapsed;
        output.WriteLine($"{new FileInfo(path).Length:N0} bytes: written in {written.TotalMilliseconds:F0} ms, read in {read.TotalMilliseconds:F0} ms");

        // i % 7 == 0 fails (14,285); of the rest, i % 11 == 0 is skipped (9,090 - 1,298 multiples of 77 = 7,792).
        Assert.Equal(results, run.Total);
        Assert.Equal(14_285, run.Failed);
        Assert.Equal(7_792, run.Skipped);
        Assert.Equal(results - 14_285 - 7_792, run.Passed);
        Assert.Equal(LargeTrxWriter.RunDuration, run.Duration);
        Assert.Equal(TrxReader.MaxFailedTestDetails, run.FailedTests.Count);
        Assert.Equal(LargeTrxWriter.TestName(7), run.FailedTests[0].Name);
        Assert.Equal("Assert.Equal() Failure: Values differ\nExpected: 7\nActual:   8", run.FailedTests[0].Message);
        Assert.Equal(LargeTrxWriter.TestName(7000), run.FailedTests[^1].Name);
    }

    [Fact]
    public void SharesTheFailureDetailBudgetAcrossFiles()
    {
        var first = Path.Combine(temp.Path, "first.trx");
        var second = Path.Combine(temp.Path, "second.trx");
        LargeTrxWriter.Write(first, 1_800, failedEvery: 2);
        LargeTrxWriter.Write(second, 1_000, failedEvery: 1);

        var run = reader.ReadAll([first, second]);

        Assert.Equal(900 + 1_000, run.Failed);
        Assert.Equal(TrxReader.MaxFailedTestDetails, run.FailedTests.Count);
        Assert.Equal(900, run.FailedTests.Count(test => test.SourceFile == first));
        Assert.Equal(100, run.FailedTests.Count(test => test.SourceFile == second));
    }

    [Fact]
    public void CutsAHugeFailureMessageToTheLimit()
    {
        var huge = new string('x', 2_000_000);
        var path = temp.Write("huge.trx", TrxText.Run(TrxText.FailedResult("A.Huge", huge), TrxText.Counters(1, 1, 0, 1), outcome: "Failed"));

        var failed = Assert.Single(reader.Read(path).FailedTests);

        Assert.Equal(new string('x', TrxReader.MaxMessageLength) + "…", failed.Message);
    }
}
