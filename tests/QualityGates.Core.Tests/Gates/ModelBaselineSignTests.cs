using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.ModelMetrics;
using QualityGates.Metrics;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

/// <summary>
/// A change is measured against the baseline's magnitude, in the direction in which the figure gets better, so
/// a quality score that can be negative keeps its sign; a baseline of 0 has no relative change, and the message says so.
/// </summary>
public sealed class ModelBaselineSignTests
{
    [Fact]
    public void ANegativeScoreThatFellIsARegressionOfTheBaselinesMagnitude()
    {
        var model = ModelMetricsReader.Read(Fixtures.Case("m01-negative-baseline-quality", "metrics.json"));

        var check = Run(DeploymentContext.Development, new GateInputs { Model = model }).Check(GateNames.Regression);

        Assert.Equal((GateStatus.Failed, ErrorCodes.RegressionAboveMaximum), (check.Status, check.Code));
        Assert.Equal(1.0, check.Value!.Value, 12);
        Assert.StartsWith("Quality score regressed 100.0% from the baseline (-0.21 → -0.42)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeScoreThatRoseIsAnImprovement()
    {
        var model = ModelMetricsReader.Read(Fixtures.Case("m01-negative-baseline-quality", "metrics-improved.json"));

        var check = Run(DeploymentContext.Development, new GateInputs { Model = model }).Check(GateNames.Regression);

        Assert.Equal(GateStatus.Passed, check.Status);
        Assert.Equal(-0.02 / 0.21, check.Value!.Value, 12);
        Assert.StartsWith("Quality score improved 9.5% over the baseline (-0.21 → -0.19)", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.10, 0.05, -1.5)] // from below zero to above it: better by 150 % of the baseline's size
    [InlineData(0.50, -0.25, 1.5)]  // from above zero to below it: worse by 150 %
    [InlineData(0.80, 0.76, 0.05)]  // the ordinary case is unchanged
    public void TheSignOfTheChangeFollowsWhetherTheScoreGotBetter(double baseline, double current, double change)
    {
        var model = new ModelMetrics { QualityScore = current, BaselineQualityScore = baseline };

        var check = Run(DeploymentContext.Staging, new GateInputs { Model = model }).Check(GateNames.Regression);

        Assert.Equal(change, check.Value!.Value, 12);
    }

    [Fact]
    public void AZeroBaselineNamesItselfAndWhatToDoInsteadOfAskingForAFile()
    {
        var model = new ModelMetrics { QualityScore = 0.3, BaselineQualityScore = 0, SourceFile = "/ci/metrics.json" };

        var skipped = Run(DeploymentContext.Staging, new GateInputs { Model = model }).Check(GateNames.Regression);
        var failed = Run(DeploymentContext.Production, new GateInputs { Model = model }, strict: true).Check(GateNames.Regression);

        Assert.Equal(GateStatus.Skipped, skipped.Status);
        Assert.StartsWith("The baseline quality score is 0 in 'metrics.json' (baseline_quality_score), so the regression cannot be computed", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("Compare against a baseline that is not 0", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.RegressionAboveMaximum, failed.Code);
        Assert.Contains("baseline quality score is 0 in 'metrics.json'", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Name a model metrics file", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroBaselineFromABaselineFileNamesThatFile()
    {
        var model = new ModelMetrics { LatencyMs = 90, BaselineLatencyMs = 0, SourceFile = "m.json", BaselineSourceFile = "/ci/last-release.json" };

        var check = Run(DeploymentContext.Staging, new GateInputs { Model = model }).Check(GateNames.LatencyIncrease);

        Assert.StartsWith("The baseline latency is 0 ms in the baseline file 'last-release.json' (latency_ms)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldMissingFromANamedFileIsAskedForByName()
    {
        var model = new ModelMetrics { LatencyMs = 90, SourceFile = "/ci/metrics.json" };

        var report = Run(DeploymentContext.Production, new GateInputs { Model = model }, strict: true);

        Assert.Contains("Add quality_score to 'metrics.json'.", report.Check(GateNames.QualityScore).Message, StringComparison.Ordinal);
        Assert.Contains("Add baseline_latency_ms to 'metrics.json', or name a baseline metrics file", report.Check(GateNames.LatencyIncrease).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Name a model metrics file", report.Check(GateNames.Throughput).Message, StringComparison.Ordinal);
    }
}
