using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Gates;

public class SecurityCheckTests
{
    [Fact]
    public void TheSeedsScanPassesTheDefaultMaximums()
    {
        var scan = new SecuritySummary { Critical = 0, High = 1, Medium = 8, Low = 15, ScanTools = ["trivy"] };

        var report = Run(DeploymentContext.Staging, new GateInputs { Security = scan });

        Assert.Empty(report.FailedChecks);
        Assert.Equal(3, report.Checks.Count(c => c.Status == GateStatus.Passed));
        Assert.Equal(24, scan.Total);
        Assert.Equal("1 high vulnerability, within the staging maximum of 2 (scan: trivy)", report.Check(GateNames.HighVulnerabilities).Message);
    }

    [Fact]
    public void OneCriticalFindingFailsOnlyTheCriticalGate()
    {
        var report = Run(DeploymentContext.Production, new GateInputs { Security = new SecuritySummary { Critical = 1, Low = 400 } });

        var failed = Assert.Single(report.FailedChecks);
        Assert.Equal(GateNames.CriticalVulnerabilities, failed.Gate);
        Assert.Equal(ErrorCodes.CriticalVulnerabilitiesAboveMaximum, failed.Code);
        Assert.Equal(1, failed.Value);
        Assert.Equal(0, failed.Threshold);
        Assert.Equal("1 critical vulnerability exceeds the production maximum of 0", failed.Message);
    }

    [Fact]
    public void CountsAboveHighAndMediumMaximumsFailWithTheirCodes()
    {
        var thresholds = GateThresholds.For(DeploymentContext.Staging) with { MaxHighVulnerabilities = 1, MaxMediumVulnerabilities = 5 };

        var report = Run(DeploymentContext.Staging, new GateInputs { Security = new SecuritySummary { High = 2, Medium = 6 } }, thresholds: thresholds);

        Assert.Equal(
            [ErrorCodes.HighVulnerabilitiesAboveMaximum, ErrorCodes.MediumVulnerabilitiesAboveMaximum],
            report.FailedChecks.Select(c => c.Code));
    }
}
