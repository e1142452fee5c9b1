using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Tests.Support;

namespace QualityGates.Tests.Reports;

/// <summary>
/// Reports made by the real engine (production context, model veran v6.2) for the writer tests,
/// all at <see cref="Time"/>. Figures are chosen so every value and message is known exactly.
/// </summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Time = new(2025, 3, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public static readonly ModelIdentity Model = new("veran", "v6.2");

    /// <summary>1000 executed tests (970 passed): 97.0 % is below production's 98 %.</summary>
    public static TestRunSummary FailingTests { get; } = new()
    {
        Total = 1002,
        Passed = 970,
        Failed = 30,
        Skipped = 2,
        Duration = TimeSpan.FromSeconds(12.5),
        FailedTests = [new FailedTest("Suite.FailsOnPurpose", "Expected 42, Actual 41")],
        SourceFiles = ["/builds/tests.trx"],
    };

    public static TestRunSummary PassingTests { get; } = FailingTests with { Passed = 1000, Failed = 0, FailedTests = [] };

    /// <summary>950 of 1000 lines (95 %) and 80 of 100 branches.</summary>
    public static CoverageSummary PassingCoverage { get; } = new()
    {
        LinesCovered = 950,
        LinesValid = 1000,
        BranchesCovered = 80,
        BranchesValid = 100,
        Packages = [new PackageCoverage("Veran.Core", 950, 1000, 80, 100)],
        SourceFiles = ["/builds/coverage.cobertura.xml"],
    };

    /// <summary>850 of 1000 lines: 85 % is below production's 90 %.</summary>
    public static CoverageSummary FailingCoverage { get; } = PassingCoverage with { LinesCovered = 850 };

    public static ModelMetrics PassingModel { get; } = new()
    {
        QualityScore = 0.87,
        Accuracy = 0.91,
        F1Score = 0.89,
        Perplexity = 12.5,
        LatencyMs = 100,
        ThroughputTokensPerSec = 45.2,
        MemoryMb = 1000,
        BaselineQualityScore = 0.85,
        BaselineLatencyMs = 95,
        BaselineMemoryMb = 950,
        SourceFile = "/builds/model-metrics.json",
    };

    public static SecuritySummary CleanScan { get; } = new()
    {
        Critical = 0,
        High = 1,
        Medium = 3,
        Low = 7,
        Unknown = 1,
        ScanTools = ["trivy"],
        Formats = ["trivy"],
        ScanTimestamp = "2025-03-01T12:00:00Z",
        SourceFiles = ["/builds/trivy.json"],
    };

    /// <summary>Ten checks, all passed.</summary>
    public static QualityGateReport Passing() => Evaluate(new GateInputs
    {
        Tests = PassingTests,
        Coverage = PassingCoverage,
        Model = PassingModel,
        Security = CleanScan,
    });

    /// <summary>Ten checks: pass rate, line coverage and critical vulnerabilities fail, the rest pass.</summary>
    public static QualityGateReport Failing() => Evaluate(new GateInputs
    {
        Tests = FailingTests,
        Coverage = FailingCoverage,
        Model = PassingModel,
        Security = CleanScan with { Critical = 1 },
    });

    /// <summary>Ten checks: only tests given, so the pass rate passes and the other nine are skipped.</summary>
    public static QualityGateReport TestsOnly() => Evaluate(new GateInputs { Tests = PassingTests });

    /// <summary>No group selected: zero checks, and no model.</summary>
    public static QualityGateReport Empty() =>
        new QualityGate(new GateOptions(DeploymentContext.Production) { Groups = GateGroup.None }, new FixedTimeProvider(Time))
            .Evaluate(new GateInputs());

    public static QualityGateReport Evaluate(GateInputs inputs, ModelIdentity? model = null, DateTimeOffset? time = null) =>
        new QualityGate(new GateOptions(DeploymentContext.Production) { Strict = false }, new FixedTimeProvider(time ?? Time))
            .Evaluate(inputs, model ?? Model);
}
