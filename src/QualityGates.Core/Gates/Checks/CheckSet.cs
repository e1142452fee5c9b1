using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>Every check, in the order they run and appear in reports.</summary>
internal static class CheckSet
{
    /// <summary>
    /// The checks of one run: <see cref="All"/>, with the per-assembly coverage checks
    /// (<see cref="CoverageStat.Minimum"/>) right after the total coverage checks.
    /// </summary>
    public static IEnumerable<GateCheck> For(GateInputs inputs, GateOptions options)
    {
        var perAssembly = AssemblyCoverageCheck.For(inputs.Coverage, options).ToList();
        foreach (var check in All)
        {
            yield return check;
            if (check is BranchCoverageCheck)
            {
                foreach (var assembly in perAssembly)
                {
                    yield return assembly;
                }
            }
        }
    }

    public static IReadOnlyList<GateCheck> All { get; } = new GateCheck[]
    {
        new TestPassRateCheck(),
        new AnyTestFailureCheck(),
        new FlakyTestsCheck(),
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
        BenchmarkCheck.Time,
        BenchmarkCheck.Allocated,
    };
}
