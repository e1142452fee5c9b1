using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>coverage.line[&lt;assembly&gt;]</c> and <c>coverage.branch[&lt;assembly&gt;]</c>: one assembly's (Cobertura
/// package's) line or branch rate ≥ the run's minimum, made for every assembly counted when
/// <see cref="CoverageStat.Minimum"/> is set (coverlet's <c>ThresholdStat=Minimum</c>). An assembly without
/// coverable lines (or branches) measured nothing of that kind and is skipped, not failed: the total check
/// already fails a run that measured nothing at all.
/// </summary>
internal sealed class AssemblyCoverageCheck(string assembly, bool branches) : GateCheck
{
    public override string Gate => GateNames.ForAssembly(branches ? GateNames.BranchCoverage : GateNames.LineCoverage, assembly);
    public override GateGroup Group => GateGroup.Coverage;
    public override string FailureCode => branches ? ErrorCodes.AssemblyBranchCoverageBelowMinimum : ErrorCodes.AssemblyLineCoverageBelowMinimum;

    /// <summary>The per-assembly checks of <paramref name="coverage"/>, in package-name order: lines, then branches when a branch minimum is set.</summary>
    public static IEnumerable<GateCheck> For(CoverageSummary? coverage, GateOptions options)
    {
        if (options.CoverageStat != CoverageStat.Minimum || coverage is null)
        {
            return [];
        }

        var lines = coverage.Packages.Select(p => new AssemblyCoverageCheck(p.Name, branches: false));
        var branchChecks = options.Thresholds.MinBranchCoverage is null ? [] : coverage.Packages.Select(p => new AssemblyCoverageCheck(p.Name, branches: true));
        return lines.Concat(branchChecks);
    }

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = branches ? options.Thresholds.MinBranchCoverage!.Value : options.Thresholds.MinCodeCoverage;
        var package = inputs.Coverage!.Packages.First(p => p.Name == assembly);
        var (what, units, covered, valid, rate) = branches
            ? ("Branch", "branches", package.BranchesCovered, package.BranchesValid, package.BranchRate)
            : ("Line", "lines", package.LinesCovered, package.LinesValid, package.LineRate);
        var name = assembly.Length == 0 ? "the unnamed assembly" : $"assembly {assembly}";
        if (rate is not double value)
        {
            return new GateCheckResult(Gate, GateStatus.Skipped, null, minimum, $"{what} coverage of {name}: it has no coverable {units}; check skipped");
        }

        var detail = $" ({Format.Count(covered)} of {Format.Count(valid)} {units} covered)";
        return Judge(value >= minimum, value, minimum,
            $"{what} coverage of {name} {Format.Percent(value, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)}{detail}",
            $"{what} coverage of {name} {Format.Percent(value, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, value)}{detail}");
    }
}
