using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;
using static QualityGates.Tests.Gates.GateEvaluation;

namespace QualityGates.Tests.Reports;

public class SummaryLineTests
{
    private static readonly CoverageSummary Coverage629 = new() { LinesCovered = 629, LinesValid = 1000 };

    [Fact]
    public void APassingStagingRunNamesTheToleratedFailureTheFiguresAndTheReportFolder()
    {
        var thresholds = GateThresholds.For(DeploymentContext.Staging) with { MinCodeCoverage = 0.60 };
        var report = Evaluate(DeploymentContext.Staging, new GateInputs { Tests = TestRun(passed: 20, failed: 1), Coverage = Coverage629 }, thresholds);

        var line = SummaryLine.Render(report, "tests/Lib.Tests/.quality-gates/");

        Assert.Equal("QualityGates: PASSED (staging) · tests 20/21 (95.2% ≥ 95.0%, 1 failed test tolerated) · line coverage 62.9% ≥ 60.0%"
            + " · reports: tests/Lib.Tests/.quality-gates/", line);
        Assert.Equal(1, SummaryLine.ToleratedFailures(report));
        Assert.Equal("1 failed test tolerated by the staging minimum pass rate of 95.0% (20 of 21 passed); set QualityGatesFailOnAnyTestFailure=true to fail on any failed test.",
            SummaryLine.ToleratedFailuresMessage(report, SettingNames.For(Adapter.MSBuild)));
        // Each mode names the setting as its users write it.
        Assert.EndsWith("; pass --fail-on-any-test-failure true to fail on any failed test.", SummaryLine.ToleratedFailuresMessage(report, SettingNames.For(Adapter.Cli)));
        Assert.EndsWith("; pass --quality-gates-fail-on-any-test-failure true to fail on any failed test.",
            SummaryLine.ToleratedFailuresMessage(report, SettingNames.For(Adapter.TestingPlatform)));
    }

    [Fact]
    public void AFailingRunShowsTheValueBelowItsMinimum()
    {
        var report = Evaluate(DeploymentContext.Production, new GateInputs { Tests = TestRun(passed: 20, failed: 1), Coverage = Coverage629 });

        var line = SummaryLine.Render(report, null);

        Assert.Equal("QualityGates: FAILED (production) · tests 20/21 (95.2% < 98.0%) · line coverage 62.9% < 90.0%", line);
        Assert.Equal(0, SummaryLine.ToleratedFailures(report));
        Assert.Null(SummaryLine.ToleratedFailuresMessage(report, SettingNames.For(Adapter.MSBuild)));
    }

    [Fact]
    public void SkippedChecksAreNamedWithTheirReason()
    {
        var report = Evaluate(DeploymentContext.Development, new GateInputs { Tests = TestRun(passed: 5, failed: 0) });

        Assert.Equal("QualityGates: PASSED (development) · tests 5/5 (100.0% ≥ 80.0%) · skipped: line coverage (no coverage results were given) · reports: .quality-gates/",
            SummaryLine.Render(report, ".quality-gates/"));
    }

    [Fact]
    public void AProductionRunWithoutCoverageNamesTheMissingInput()
    {
        var report = Evaluate(DeploymentContext.Production, new GateInputs { Tests = TestRun(passed: 10, failed: 0) });

        Assert.Equal("QualityGates: FAILED (production) · tests 10/10 (100.0% ≥ 98.0%) · line coverage FAIL (no coverage results were given)",
            SummaryLine.Render(report, null));
    }

    [Fact]
    public void ModelFiguresReadAsWordsLikeEveryOtherPart()
    {
        var report = new QualityGateReport
        {
            Context = DeploymentContext.Staging,
            Checks =
            [
                new GateCheckResult(GateNames.QualityScore, GateStatus.Failed, 0.6, 0.7, "Quality score 0.6 is below 0.7"),
                new GateCheckResult(GateNames.Regression, GateStatus.Failed, 0.25, 0.05, "Regression 25.0% exceeds 5.0%"),
                new GateCheckResult(GateNames.LatencyIncrease, GateStatus.Passed, 0.02, 0.1, "Latency increase 2.0%"),
                new GateCheckResult(GateNames.MemoryIncrease, GateStatus.Skipped, null, 10, "No baseline memory was given, check skipped"),
            ],
        };

        Assert.Equal("QualityGates: FAILED (staging) · quality score 0.6 < 0.7 · regression 25.0% > 5.0% · latency increase 2.0% ≤ 10.0%"
            + " · skipped: memory increase (no baseline memory was given)", SummaryLine.Render(report, null));
    }

    /// <summary>Every gate, in every status, per assembly too: the line never shows a gate's name, only its label.</summary>
    [Fact]
    public void NoPartOfTheLineShowsAGateName()
    {
        var gates = GateNames.All.Concat([GateNames.ForAssembly(GateNames.LineCoverage, "Lib"), GateNames.ForAssembly(GateNames.BranchCoverage, "Lib")]).ToList();
        foreach (var status in Enum.GetValues<GateStatus>())
        {
            foreach (var measured in new[] { true, false })
            {
                var report = new QualityGateReport
                {
                    Context = DeploymentContext.Production,
                    Inputs = new GateInputs { Tests = TestRun(passed: 9, failed: 1) },
                    Checks = gates.Select(g => new GateCheckResult(g, status, measured ? 0.5 : null, 0.4, "Some reason, more words")).ToList(),
                };

                var line = SummaryLine.Render(report, ".quality-gates/");

                Assert.All(gates, g => Assert.DoesNotContain(g, line, StringComparison.Ordinal));
                Assert.DoesNotContain("_", line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryGateHasItsOwnLabel()
    {
        var labels = GateNames.All.Select(SummaryLine.Label).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(labels, l => Assert.DoesNotMatch("[._]", l));
        // A new gate gets a label chosen for it, not the words of its name.
        Assert.All(GateNames.All, g => Assert.NotEqual(g.Replace('.', ' ').Replace('_', ' '), SummaryLine.Label(g)));
        Assert.Equal("line coverage of My.Lib", SummaryLine.Label(GateNames.ForAssembly(GateNames.LineCoverage, "My.Lib")));
        Assert.Equal("benchmarks mean time", SummaryLine.Label("benchmarks.mean_time"));
    }

    private static QualityGateReport Evaluate(DeploymentContext context, GateInputs inputs, GateThresholds? thresholds = null) =>
        new QualityGate(new GateOptions(context, thresholds) { Groups = GateGroup.Tests | GateGroup.Coverage }).Evaluate(inputs);
}
