using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Running;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Waivers;

/// <summary>The warning tier: a figure between the warning level and the threshold passes with QG2018.</summary>
public sealed class WarningTierTests
{
    private static readonly GateInputs Coverage82 = new() { Coverage = new CoverageSummary { LinesValid = 100, LinesCovered = 82 } };

    [Fact]
    public void CoverageBetweenTheWarningLevelAndTheMinimumIsAPassingWarning()
    {
        var thresholds = GateThresholds.For(DeploymentContext.Staging) with { WarnCodeCoverage = 0.85 };

        var report = Run(DeploymentContext.Staging, Coverage82, thresholds: thresholds);

        var check = report.Check(GateNames.LineCoverage);
        Assert.True(report.AllPassed);
        Assert.Equal((GateStatus.Warning, ErrorCodes.FigureInWarningBand, 0.85), (check.Status, check.Code, check.WarningLevel));
        Assert.EndsWith("; below the staging warning level of 85.0%", check.Message);
        Assert.Contains("WARN", SummaryTable.Render(report));
        var junit = System.Xml.Linq.XDocument.Parse(JUnitReportWriter.ToXml(report));
        var testcase = junit.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).Contains(GateNames.LineCoverage));
        Assert.Null(testcase.Element("failure"));
        Assert.Contains("warning level of 85.0%", (string)testcase.Element("system-out")!);
        Assert.Equal("0", (string)junit.Descendants("testsuite").Single().Attribute("failures")!);
    }

    [Fact]
    public void AFigureAtOrBeyondTheWarningLevelSimplyPasses()
    {
        var thresholds = GateThresholds.For(DeploymentContext.Staging) with { WarnCodeCoverage = 0.82, WarnHighVulnerabilities = 1 };

        var report = Run(DeploymentContext.Staging, Coverage82 with { Security = new SecuritySummary { High = 2 } }, thresholds: thresholds);

        Assert.Equal(GateStatus.Passed, report.Check(GateNames.LineCoverage).Status);
        Assert.Equal(GateStatus.Warning, report.Check(GateNames.HighVulnerabilities).Status);
    }

    [Fact]
    public void AWarningLevelOnTheFailingSideIsAConfigurationErrorNamingBothSettings()
    {
        var diagnostics = GateRun.Check(new GateRunRequest
        {
            Context = "production",
            Overrides = [new ThresholdOverride("WarnCodeCoverage", "0.85", "QualityGatesWarnCodeCoverage"), new ThresholdOverride("WarnMediumVulnerabilities", "11", "--warn-medium-vulnerabilities"),
                new ThresholdOverride("WarnNewCodeCoverage", "0.85", "QualityGatesWarnNewCodeCoverage")],
            Environment = _ => null,
        });

        Assert.Equal([ErrorCodes.WarningLevelOnWrongSide, ErrorCodes.WarningLevelOnWrongSide, ErrorCodes.WarningLevelOnWrongSide], diagnostics.Select(d => d.Code));
        Assert.StartsWith("QualityGatesWarnCodeCoverage is 85.0%, on the failing side of the production QualityGatesMinLineCoverage (≥ 90.0%)", diagnostics[0].Message);
        Assert.StartsWith("QualityGatesWarnNewCodeCoverage is 85.0%, on the failing side of the production QualityGatesMinNewCodeCoverage (≥ 90.0%)", diagnostics[1].Message);
        Assert.StartsWith("--warn-medium-vulnerabilities is 11, on the failing side of the production QualityGatesMaxMediumVulnerabilities (≤ 10)", diagnostics[2].Message);
    }
}
