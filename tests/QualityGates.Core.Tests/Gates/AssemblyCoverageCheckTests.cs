using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Gates;

/// <summary>
/// QualityGatesCoverageStat=Minimum (coverlet's ThresholdStat=Minimum): every assembly meets the minimum
/// on its own, each failure one error naming the assembly, under a gate name of its own.
/// </summary>
public sealed class AssemblyCoverageCheckTests
{
    // Two packages: Taranis.EDlib 0.8343 lines / 0.6931 branches, Taranis.EDlib.Mock 0.2727 lines (MANIFEST.md).
    private static readonly string TwoAssemblies = Fixtures.Path("cobertura", "third-party", "irongut-CodeCoverageSummary-coverage.cobertura.xml");

    private static GateRunResult Run(CoverageStat stat, params ThresholdOverride[] overrides) => new GateRun().Execute(Request(stat, overrides), TextWriter.Null);

    private static GateRunRequest Request(CoverageStat stat, params ThresholdOverride[] overrides) =>
        new()
        {
            Context = "staging",
            Groups = GateGroup.Coverage,
            CoverageFiles = [TwoAssemblies],
            CoverageStat = stat,
            Overrides = [new ThresholdOverride("MinCodeCoverage", "0.5", "--min-code-coverage"), .. overrides],
            Reports = new ReportOptions { Json = true },
            Environment = _ => null,
        };

    [Fact]
    public void EachAssemblyBelowTheMinimumIsOneErrorNamingIt()
    {
        var result = Run(CoverageStat.Minimum);

        Assert.False(result.Passed);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((ErrorCodes.AssemblyLineCoverageBelowMinimum, "coverage.line[Taranis.EDlib.Mock]"), (error.Code, error.Gate));
        Assert.StartsWith("Line coverage of assembly Taranis.EDlib.Mock 27.", error.Message);
        Assert.Contains("is below the staging minimum of 50.0%", error.Message);
        Assert.Equal(
            [("coverage.line", GateStatus.Passed), ("coverage.line[Taranis.EDlib]", GateStatus.Passed), ("coverage.line[Taranis.EDlib.Mock]", GateStatus.Failed)],
            result.Report!.Checks.Select(c => (c.Gate, c.Status)));
    }

    [Fact]
    public void AWaiverOfOneAssemblysGateWaivesThatAssemblyAlone()
    {
        using var dir = new TempDirectory();

        var result = new GateRun().Execute(Request(CoverageStat.Minimum).Waiving(dir, "coverage.line[Taranis.EDlib.Mock]"), TextWriter.Null);

        Assert.True(result.Passed);
        Assert.Equal(
            [("coverage.line", GateStatus.Passed), ("coverage.line[Taranis.EDlib]", GateStatus.Passed), ("coverage.line[Taranis.EDlib.Mock]", GateStatus.Waived)],
            result.Report!.Checks.Select(c => (c.Gate, c.Status)));
    }

    [Fact]
    public void AnAssemblyBetweenTheMinimumAndTheLineWarningLevelIsAPassingWarning()
    {
        var result = Run(CoverageStat.Minimum, new ThresholdOverride("WarnCodeCoverage", "0.9", "--warn-code-coverage"));

        var check = result.Report!.Checks.Single(c => c.Gate == "coverage.line[Taranis.EDlib]");
        Assert.Equal((GateStatus.Warning, ErrorCodes.FigureInWarningBand, 0.9), (check.Status, check.Code, check.WarningLevel));
        Assert.Equal(GateStatus.Failed, result.Report.Checks.Single(c => c.Gate == "coverage.line[Taranis.EDlib.Mock]").Status);
    }

    [Fact]
    public void TheTotalAloneIsJudgedByDefault()
    {
        var result = Run(CoverageStat.Total);

        Assert.True(result.Passed);
        Assert.Equal(["coverage.line"], result.Report!.Checks.Select(c => c.Gate));
    }

    [Fact]
    public void ABranchMinimumAddsABranchCheckPerAssembly()
    {
        var result = Run(CoverageStat.Minimum, new ThresholdOverride("MinBranchCoverage", "0.7", "--min-branch-coverage"));

        Assert.Equal(
            ["coverage.line", "coverage.branch", "coverage.line[Taranis.EDlib]", "coverage.line[Taranis.EDlib.Mock]", "coverage.branch[Taranis.EDlib]", "coverage.branch[Taranis.EDlib.Mock]"],
            result.Report!.Checks.Select(c => c.Gate));
        Assert.Equal(
            [(ErrorCodes.BranchCoverageBelowMinimum, "coverage.branch"), (ErrorCodes.AssemblyLineCoverageBelowMinimum, "coverage.line[Taranis.EDlib.Mock]"), (ErrorCodes.AssemblyBranchCoverageBelowMinimum, "coverage.branch[Taranis.EDlib]")],
            result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Gate!)));
    }

    [Fact]
    public void JUnitAndJsonCarryOneNamedCasePerAssembly()
    {
        var report = Run(CoverageStat.Minimum).Report!;

        var junit = JUnitReportWriter.ToXml(report);
        Assert.Contains("name=\"coverage.line[Taranis.EDlib.Mock]\"", junit);
        Assert.Contains("name=\"coverage.line[Taranis.EDlib]\"", junit);
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(report));
        var failed = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("status").GetString() == "failed");
        Assert.Equal(("coverage.line[Taranis.EDlib.Mock]", "QG2025", 0.5), (failed.GetProperty("gate").GetString(), failed.GetProperty("code").GetString(), failed.GetProperty("threshold").GetDouble()));
        Assert.Equal("27.3%", GateDescriptions.FormatValue(failed.GetProperty("gate").GetString()!, failed.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void TheSummaryLineListsAFailedAssemblyAndCountsThePassedOnes()
    {
        var line = Run(CoverageStat.Minimum).SummaryLine!;

        Assert.Contains("line coverage of Taranis.EDlib.Mock 27.3% < 50.0%", line);
        Assert.Contains("line coverage of 1 assembly ≥ 50.0%", line);
    }

    [Theory]
    [InlineData("minimum", CoverageStat.Minimum)]
    [InlineData(" Total ", CoverageStat.Total)]
    [InlineData("", CoverageStat.Total)]
    public void ParsesTheSettingIgnoringCase(string text, object expectedValue) =>
        Assert.Equal((CoverageStat)expectedValue, CoverageStats.Parse(text, "QualityGatesCoverageStat"));

    [Fact]
    public void AnUnknownStatisticIsQG0009NamingTheSetting()
    {
        var error = Assert.Throws<QualityGatesException>(() => CoverageStats.Parse("Average", "QualityGatesCoverageStat"));

        Assert.Equal(ErrorCodes.InvalidSetting, error.Code);
        Assert.StartsWith("QualityGatesCoverageStat is 'Average', which is not a coverage statistic", error.Message);
    }
}
