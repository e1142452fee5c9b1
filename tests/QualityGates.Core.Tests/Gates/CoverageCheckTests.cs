using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

public class CoverageCheckTests
{
    private static readonly CoverageSummary GuardClauses = new() { LinesCovered = 295, LinesValid = 591, BranchesCovered = 215, BranchesValid = 246 };

    [Fact]
    public void FailsWhenLineCoverageIsBelowTheProductionMinimum()
    {
        var check = Run(DeploymentContext.Production, new GateInputs { Coverage = GuardClauses }).Check(GateNames.LineCoverage);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(295.0 / 591, check.Value);
        Assert.Equal(0.90, check.Threshold);
        Assert.Equal(ErrorCodes.LineCoverageBelowMinimum, check.Code);
        Assert.Equal("Line coverage 49.9% is below the production minimum of 90.0% (295 of 591 lines covered)", check.Message);
    }

    [Fact]
    public void BranchCoverageIsNotGatedUnlessAMinimumIsSet()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Coverage = GuardClauses });

        Assert.DoesNotContain(report.Checks, c => c.Gate == GateNames.BranchCoverage);
    }

    [Fact]
    public void BranchCoverageIsGatedWhenAMinimumIsSet()
    {
        var thresholds = GateThresholds.For(DeploymentContext.Production) with { MinBranchCoverage = 0.90 };

        var check = Run(DeploymentContext.Production, new GateInputs { Coverage = GuardClauses }, thresholds: thresholds).Check(GateNames.BranchCoverage);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(ErrorCodes.BranchCoverageBelowMinimum, check.Code);
        Assert.Contains("(215 of 246 branches covered)", check.Message);
    }

    [Fact]
    public void AReportedPercentIsUsedAsAFractionWhenNoCoberturaIsGiven()
    {
        var check = Run(DeploymentContext.Staging, new GateInputs { ReportedLineRate = 0.885 }).Check(GateNames.LineCoverage);

        Assert.Equal(GateStatus.Passed, check.Status);
        Assert.Equal(0.885, check.Value);
        Assert.Contains("88.5%", check.Message);
    }

    [Fact]
    public void CoverageWithNoCoverableLinesMeasuredNothingAndFails()
    {
        // The same rule as a TRX that executed no test: an input that measured nothing fails in every context.
        var check = Run(DeploymentContext.Development, new GateInputs { Coverage = new CoverageSummary() }).Check(GateNames.LineCoverage);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Null(check.Value);
        Assert.Equal(ErrorCodes.LineCoverageBelowMinimum, check.Code);
        Assert.StartsWith("The coverage data has no coverable lines (0 source files): nothing was measured", check.Message);
    }
}
