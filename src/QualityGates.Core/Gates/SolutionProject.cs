using QualityGates.Metrics;

namespace QualityGates.Gates;

/// <summary>
/// One test project's row in a solution report (<see cref="QualityGateReport.Projects"/>): its own test
/// counts and its own coverage, as its gate read them before they were merged into the solution's figures.
/// </summary>
/// <param name="Name">The project's name (its file name without extension).</param>
/// <param name="Tests">Its test counts (total, passed, failed, skipped); null when it had no test results.</param>
/// <param name="Coverage">Its line and branch counts under its own coverage filter; null when it had no coverage.</param>
internal sealed record SolutionProject(string Name, TestCounts? Tests, CoverageCounts? Coverage);

/// <summary>Test counts of one project (the TRX outcome classes: executed = passed + failed).</summary>
internal sealed record TestCounts(int Total, int Passed, int Failed, int Skipped)
{
    /// <summary>passed / executed (fraction 0–1), or null when nothing executed.</summary>
    public double? PassRate => Passed + Failed == 0 ? null : (double)Passed / (Passed + Failed);

    /// <summary>The counts of <paramref name="tests"/>, or null.</summary>
    public static TestCounts? Of(TestRunSummary? tests) =>
        tests is null ? null : new TestCounts(tests.Total, tests.Passed, tests.Failed, tests.Skipped);
}

/// <summary>Cobertura line and branch counts of one project (rates are fractions 0–1).</summary>
internal sealed record CoverageCounts(long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    /// <summary>Covered / valid lines, or null when no line is coverable.</summary>
    public double? LineRate => LinesValid == 0 ? null : (double)LinesCovered / LinesValid;

    /// <summary>Covered / valid branches, or null when there is no branch.</summary>
    public double? BranchRate => BranchesValid == 0 ? null : (double)BranchesCovered / BranchesValid;

    /// <summary>The counts of <paramref name="coverage"/>, or null.</summary>
    public static CoverageCounts? Of(CoverageSummary? coverage) =>
        coverage is null ? null : new CoverageCounts(coverage.LinesCovered, coverage.LinesValid, coverage.BranchesCovered, coverage.BranchesValid);
}
