using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>coverage.line</c>: line rate (0–1) ≥ the minimum. Coverage files that hold no coverable line measured
/// nothing and fail, in every context, like a test run that executed no test (docs/coverage.md, "Measured nothing").
/// </summary>
internal sealed class LineCoverageCheck : GateCheck
{
    public override string Gate => GateNames.LineCoverage;
    public override GateGroup Group => GateGroup.Coverage;
    public override string FailureCode => ErrorCodes.LineCoverageBelowMinimum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinCodeCoverage;
        string detail;
        double rate;
        if (inputs.Coverage is { } coverage)
        {
            if (coverage.LineRate is not double lineRate)
            {
                return new GateCheckResult(Gate, GateStatus.Failed, null, minimum,
                    $"The coverage data has no coverable lines ({Format.Count(coverage.SourceFiles.Count)} source files): nothing was measured; the {options.ContextName} minimum is {Format.Percent(minimum)}",
                    FailureCode);
            }

            rate = lineRate;
            detail = $" ({Format.Count(coverage.LinesCovered)} of {Format.Count(coverage.LinesValid)} lines covered)";
        }
        else if (inputs.ReportedLineRate is double reported)
        {
            rate = reported;
            detail = " (as reported in the test metrics)";
        }
        else
        {
            return Missing(options, minimum, "No coverage results were given");
        }

        return Judge(rate >= minimum, rate, minimum,
            $"Line coverage {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)}{detail}",
            $"Line coverage {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)}{detail}");
    }
}
