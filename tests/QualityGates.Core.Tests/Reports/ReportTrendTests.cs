using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

/// <summary>gates.html shows each gated figure across the earlier reports in the folder.</summary>
public sealed class ReportTrendTests : IDisposable
{
    private static readonly string FailSkipTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string PassingTrx = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunResult Run(string trx, string context = "production") => new GateRun().Execute(new GateRunRequest
    {
        Context = context,
        Groups = GateGroup.Tests,
        BaseDirectory = _dir.Path,
        TestResultFiles = [trx],
        Reports = new ReportOptions { Folder = "reports" },
        Environment = _ => null,
    }, TextWriter.Null);

    [Fact]
    public void TheFirstRunHasNoTrendColumn()
    {
        var page = File.ReadAllText(Run(PassingTrx).Files!.Html!);

        Assert.DoesNotContain("<th>Trend</th>", page);
        Assert.DoesNotContain("class=\"trend\"", page);
    }

    [Fact]
    public void LaterRunsShowEachFigureAcrossTheRunsOfTheSameContextAndSkipUnreadableReports()
    {
        Run(PassingTrx);
        Run(FailSkipTrx, context: "development");
        File.WriteAllText(Path.Combine(_dir.Path, "reports", "report-20990101T000000000Z-0badf00d.json"), "{ not json");
        Run(FailSkipTrx);

        var page = File.ReadAllText(Run(PassingTrx).Files!.Html!);

        Assert.Contains("<th>Trend</th>", page);
        Assert.Contains("<title>Last 3 runs: 100.0% → 99.7% → 100.0% (minimum 98.0%)</title>", page);
        Assert.Contains("3 runs · before: 99.7%", page);
    }

    [Fact]
    public void ReadsAtMostTheNewestTwentyReports()
    {
        var folder = Path.Combine(_dir.Path, "reports");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 25; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"report-2025010{i / 10}T0000000{i % 10:0}0Z-0000aaaa.json"),
                "{\"context\":\"production\",\"checks\":[{\"gate\":\"tests.pass_rate\",\"value\":" + (i / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}]}");
        }

        var history = ReportHistory.Read(folder, "production");

        Assert.Equal(ReportHistory.MaxFiles, history.Runs);
        Assert.Equal([0.16, 0.17, 0.18, 0.19, 0.20, 0.21, 0.22, 0.23, 0.24], history.ValuesOf(GateNames.TestPassRate));
    }
}
