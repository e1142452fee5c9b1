using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Tests.Gates;

public class QualityGateEventsTests
{
    private static readonly GateInputs OneFailing = new()
    {
        Tests = GateEvaluation.TestRun(100, 0),
        Coverage = new CoverageSummary { LinesCovered = 50, LinesValid = 100 },
        Security = new SecuritySummary(),
    };

    [Fact]
    public void EventsFireInCheckOrderThenBlockedOnce()
    {
        var gate = new QualityGate(new GateOptions(DeploymentContext.Production) { Strict = false });
        var seen = new List<string>();
        gate.GatePassed += (_, e) => seen.Add("passed:" + e.Result.Gate);
        gate.GateFailed += (_, e) => seen.Add("failed:" + e.Result.Gate);
        gate.GatesBlocked += (_, e) => seen.Add("blocked:" + e.Report.FailedChecks.Count);

        gate.Evaluate(OneFailing);

        Assert.Equal(
            [
                "passed:tests.pass_rate", "failed:coverage.line",
                "passed:security.critical", "passed:security.high", "passed:security.medium", "blocked:1",
            ],
            seen);
    }

    [Fact]
    public void NoBlockedEventWhenAllPass()
    {
        var gate = new QualityGate(new GateOptions(DeploymentContext.Development));
        var blocked = 0;
        gate.GatesBlocked += (_, _) => blocked++;

        var report = gate.Evaluate(OneFailing with { Coverage = new CoverageSummary { LinesCovered = 90, LinesValid = 100 } });

        Assert.True(report.AllPassed);
        Assert.Equal(0, blocked);
    }

    [Fact]
    public void AThrowingHandlerIsReportedAndDoesNotStopOthersOrTheVerdict()
    {
        var gate = new QualityGate(new GateOptions(DeploymentContext.Production) { Strict = false });
        var afterThrower = 0;
        gate.GateFailed += (_, _) => throw new InvalidOperationException("slack is down");
        gate.GateFailed += (_, _) => afterThrower++;
        gate.GatesBlocked += (_, _) => throw new InvalidOperationException("pager is down");

        var report = gate.Evaluate(OneFailing);

        Assert.False(report.AllPassed);
        Assert.Equal(1, afterThrower);
        Assert.Equal(2, report.Warnings.Count);
        Assert.Contains("slack is down", report.Warnings[0]);
        Assert.Contains("pager is down", report.Warnings[1]);
    }

    [Fact]
    public void OnlySelectedGroupsProduceChecks()
    {
        var gate = new QualityGate(new GateOptions(DeploymentContext.Production) { Groups = GateGroup.Tests | GateGroup.Coverage, Strict = true });

        var report = gate.Evaluate(new GateInputs { Tests = GateEvaluation.TestRun(10, 0), Coverage = new CoverageSummary { LinesCovered = 95, LinesValid = 100 } });

        Assert.Equal([GateNames.TestPassRate, GateNames.LineCoverage], report.Checks.Select(c => c.Gate));
        Assert.True(report.AllPassed);
    }
}
