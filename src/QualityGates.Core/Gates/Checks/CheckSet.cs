using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>Every check, in the order they run and appear in reports.</summary>
internal static class CheckSet
{
    public static IReadOnlyList<GateCheck> All { get; } = new GateCheck[]
    {
        new TestPassRateCheck(),
        new AnyTestFailureCheck(),
        new LineCoverageCheck(),
        new BranchCoverageCheck(),
        new NewCodeCoverageCheck(),
        RatchetCheck.LineCoverage,
        RatchetCheck.BranchCoverage,
        RatchetCheck.TestPassRate,
        new QualityScoreCheck(),
        BaselineComparisonCheck.Regression,
        BaselineComparisonCheck.LatencyIncrease,
        BaselineComparisonCheck.MemoryIncrease,
        new ThroughputCheck(),
        new VulnerabilityCountCheck(GateNames.CriticalVulnerabilities, ErrorCodes.CriticalVulnerabilitiesAboveMaximum, "critical",
            s => s.Critical, t => t.MaxCriticalVulnerabilities),
        new VulnerabilityCountCheck(GateNames.HighVulnerabilities, ErrorCodes.HighVulnerabilitiesAboveMaximum, "high",
            s => s.High, t => t.MaxHighVulnerabilities),
        new VulnerabilityCountCheck(GateNames.MediumVulnerabilities, ErrorCodes.MediumVulnerabilitiesAboveMaximum, "medium",
            s => s.Medium, t => t.MaxMediumVulnerabilities),
    };
}
