using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.TestHost;
using QualityGates.Configuration;
using QualityGates.Gates;

namespace QualityGates.Testing.Platform.Tests;

/// <summary>The gate's coverage verdicts as the platform's threshold messages (Microsoft.Testing.Platform 2.4 and later).</summary>
public sealed class PlatformCoverageTests
{
    private static readonly SessionUid Session = new("session");

    [Fact]
    public void AFailedLineCheckIsAFailedOverallLineThresholdInPercent()
    {
        var message = PlatformCoverage.ThresholdOf(Session, new GateCheckResult(GateNames.LineCoverage, GateStatus.Failed, 0.5, 0.8, "Line coverage 50.0% is below", "QG2002"));

        Assert.Equal((CoverageScopeLevel.Overall, CoverageMetric.Line, CoverageAggregation.None), (message.Scope.Level, message.Metric, message.Aggregation));
        Assert.Equal((50.0, 80.0), (message.ActualPercentage, message.RequiredPercentage));
        Assert.False(message.Passed);
        Assert.Equal(PlatformCoverage.ProducerId, message.ProducerId);
    }

    [Fact]
    public void APerAssemblyBranchCheckIsAModuleScopeAndNewCodeIsACustomMetric()
    {
        var assembly = PlatformCoverage.ThresholdOf(Session, new GateCheckResult(GateNames.ForAssembly(GateNames.BranchCoverage, "Shop.Core"), GateStatus.Passed, 0.9, 0.7, "ok"));
        var newCode = PlatformCoverage.ThresholdOf(Session, new GateCheckResult(GateNames.NewCodeCoverage, GateStatus.Passed, 1.0, 0.8, "ok"));

        Assert.Equal((CoverageScopeLevel.Module, "Shop.Core", CoverageMetric.Branch), (assembly.Scope.Level, assembly.Scope.Name, assembly.Metric));
        Assert.True(assembly.Passed);
        Assert.Equal((CoverageMetric.Custom, "New code (line)"), (newCode.Metric, newCode.CustomMetricName));
    }

    [Fact]
    public void AStrictCheckWithoutCoverageFailsAsNoData()
    {
        var message = PlatformCoverage.ThresholdOf(Session, new GateCheckResult(GateNames.LineCoverage, GateStatus.Failed, null, 0.8, "no coverage", "QG2005"));

        Assert.False(message.HasCoverableData);
        Assert.False(message.Passed);
    }

    [Fact]
    public void OnlyCoverageGatesTravelAsThresholds()
    {
        Assert.True(PlatformCoverage.IsCoverageGate("coverage.line[Shop.Core]"));
        Assert.False(PlatformCoverage.IsCoverageGate(GateNames.TestPassRate));
        Assert.False(PlatformCoverage.IsCoverageGate(GateNames.RatchetLineCoverage));
    }
}
