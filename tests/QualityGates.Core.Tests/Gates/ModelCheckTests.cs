using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

public class ModelCheckTests
{
    // The seed's example: current 0.87 / 125 ms / 45.2 tok/s / 2048 MB against baseline 0.85 / 120 ms / 2000 MB.
    private static readonly ModelMetrics Seed = new()
    {
        QualityScore = 0.87, Accuracy = 0.92, F1Score = 0.89, Perplexity = 25.3, LatencyMs = 125.0,
        ThroughputTokensPerSec = 45.2, MemoryMb = 2048.0,
        BaselineQualityScore = 0.85, BaselineLatencyMs = 120.0, BaselineMemoryMb = 2000.0,
    };

    [Fact]
    public void TheSeedsExamplePassesEveryModelCheckInProduction()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Model = Seed });

        Assert.All(report.Checks.Where(c => c.Gate.StartsWith("model.", StringComparison.Ordinal)), c => Assert.Equal(GateStatus.Passed, c.Status));
        Assert.Equal(5, report.Checks.Count(c => c.Gate.StartsWith("model.", StringComparison.Ordinal)));
    }

    [Fact]
    public void RegressionIsAFractionOfTheBaselineAndAnImprovementIsNegative()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Model = Seed });

        var check = report.Check(GateNames.Regression);
        Assert.Equal((0.85 - 0.87) / 0.85, check.Value!.Value, 12);
        Assert.StartsWith("Quality score improved 2.4% over the baseline (0.85 → 0.87)", check.Message);
    }

    [Fact]
    public void ARegressionAboveTheMaximumFails()
    {
        var model = Seed with { QualityScore = 0.80 };

        var check = Run(DeploymentContext.Production, new GateInputs { Model = model }).Check(GateNames.Regression);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(ErrorCodes.RegressionAboveMaximum, check.Code);
        Assert.Equal((0.85 - 0.80) / 0.85, check.Value!.Value, 12);
        Assert.Contains("regressed 5.9%", check.Message);
        Assert.Contains("above the production maximum regression of 5.0%", check.Message);
    }

    [Fact]
    public void LatencyAndMemoryIncreasesUseTheirOwnUnits()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Model = Seed });

        Assert.Equal((125.0 - 120.0) / 120.0, report.Check(GateNames.LatencyIncrease).Value!.Value, 12);
        Assert.Equal(0.20, report.Check(GateNames.LatencyIncrease).Threshold);
        Assert.Equal((2048.0 - 2000.0) / 2000.0 * 100, report.Check(GateNames.MemoryIncrease).Value!.Value, 12);
        Assert.Equal(15.0, report.Check(GateNames.MemoryIncrease).Threshold);
    }

    [Fact]
    public void AMemoryIncreaseAboveTheMaximumPercentFails()
    {
        var check = Run(DeploymentContext.Staging, new GateInputs { Model = Seed with { MemoryMb = 2400 } }).Check(GateNames.MemoryIncrease);

        Assert.Equal(GateStatus.Failed, check.Status);
        Assert.Equal(20.0, check.Value!.Value, 9);
        Assert.Equal(ErrorCodes.MemoryIncreaseAboveMaximum, check.Code);
    }

    [Fact]
    public void LowThroughputAndLowQualityFail()
    {
        var report = Run(DeploymentContext.Staging, new GateInputs { Model = Seed with { ThroughputTokensPerSec = 9.5, QualityScore = 0.6 } });

        Assert.Equal(ErrorCodes.ThroughputBelowMinimum, report.Check(GateNames.Throughput).Code);
        Assert.Equal(ErrorCodes.QualityScoreBelowMinimum, report.Check(GateNames.QualityScore).Code);
    }

    [Fact]
    public void AMissingBaselineSkipsTheComparisonsInsteadOfInventingNumbers()
    {
        var model = new ModelMetrics { QualityScore = 0.87, LatencyMs = 125, MemoryMb = 2048 };

        var report = Run(DeploymentContext.Production, new GateInputs { Model = model });

        foreach (var gate in new[] { GateNames.Regression, GateNames.LatencyIncrease, GateNames.MemoryIncrease })
        {
            var check = report.Check(gate);
            Assert.Equal(GateStatus.Skipped, check.Status);
            Assert.Null(check.Value);
            Assert.Contains("baseline", check.Message);
        }

        Assert.Equal(GateStatus.Passed, report.Check(GateNames.QualityScore).Status);
        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.Throughput).Status);
    }

    [Fact]
    public void AZeroBaselineDoesNotDivideByZero()
    {
        var model = Seed with { BaselineQualityScore = 0, BaselineLatencyMs = 0, BaselineMemoryMb = 0 };

        var report = Run(DeploymentContext.Production, new GateInputs { Model = model });

        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.Regression).Status);
        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.LatencyIncrease).Status);
        Assert.Equal(GateStatus.Skipped, report.Check(GateNames.MemoryIncrease).Status);
        Assert.Contains("baseline quality score is 0", report.Check(GateNames.Regression).Message);
    }

    [Fact]
    public void StrictModeFailsTheComparisonsWhoseBaselineIsMissing()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Model = new ModelMetrics { QualityScore = 0.9 } }, strict: true);

        Assert.Equal(GateStatus.Passed, report.Check(GateNames.QualityScore).Status);
        Assert.Equal(ErrorCodes.RegressionAboveMaximum, report.Check(GateNames.Regression).Code);
        Assert.Equal(4, report.FailedChecks.Count(c => c.Gate.StartsWith("model.", StringComparison.Ordinal)));
    }
}
