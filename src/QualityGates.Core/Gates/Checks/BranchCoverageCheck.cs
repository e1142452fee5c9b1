using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary><c>coverage.branch</c>: branch rate ≥ the minimum; present only when a branch minimum is set.</summary>
internal sealed class BranchCoverageCheck : GateCheck
{
    public override string Gate => GateNames.BranchCoverage;
    public override GateGroup Group => GateGroup.Coverage;
    public override string FailureCode => ErrorCodes.BranchCoverageBelowMinimum;

    public override bool AppliesTo(GateOptions options) => options.Thresholds.MinBranchCoverage is not null;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinBranchCoverage!.Value;
        if (inputs.Coverage is not { } coverage)
        {
            return Missing(options, minimum, "No coverage results were given");
        }

        if (coverage.BranchRate is not double rate)
        {
            return Missing(options, minimum, "The coverage data has no branches");
        }

        var detail = $" ({Format.Count(coverage.BranchesCovered)} of {Format.Count(coverage.BranchesValid)} branches covered)";
        return Judge(rate >= minimum, rate, minimum,
            $"Branch coverage {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)}{detail}",
            $"Branch coverage {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)}{detail}");
    }
}
