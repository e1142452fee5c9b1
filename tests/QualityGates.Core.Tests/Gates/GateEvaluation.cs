using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Tests.Gates;

/// <summary>Short ways to run the real engine in tests.</summary>
internal static class GateEvaluation
{
    public static QualityGateReport Run(DeploymentContext context, GateInputs inputs, bool? strict = false, GateThresholds? thresholds = null) =>
        new QualityGate(new GateOptions(context, thresholds) { Strict = strict }).Evaluate(inputs, new ModelIdentity("veran", "v6.2"));

    public static GateCheckResult Check(this QualityGateReport report, string gate) => report.Checks.Single(c => c.Gate == gate);

    public static TestRunSummary TestRun(int passed, int failed, int skipped = 0) =>
        new() { Total = passed + failed + skipped, Passed = passed, Failed = failed, Skipped = skipped };
}
