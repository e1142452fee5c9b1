using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>model.regression</c>: (baseline − current) / baseline of the quality score ≤ the maximum.
/// An improvement is a negative regression.
/// </summary>
internal sealed class RegressionCheck : GateCheck
{
    public override string Gate => GateNames.Regression;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => ErrorCodes.RegressionAboveMaximum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var maximum = options.Thresholds.MaxRegression;
        if (inputs.Model?.QualityScore is not double current)
        {
            return Missing(options, maximum, "No model quality score was given, so regression was not computed");
        }

        if (inputs.Model.BaselineQualityScore is not double baseline)
        {
            return Missing(options, maximum, "No baseline quality score was given, so regression was not computed");
        }

        if (baseline == 0)
        {
            return Missing(options, maximum, "The baseline quality score is 0, so regression cannot be computed");
        }

        var regression = (baseline - current) / baseline;
        var change = regression <= 0
            ? $"Quality score improved {Format.Percent(-regression)} over the baseline ({Format.Number(baseline)} → {Format.Number(current)})"
            : $"Quality score regressed {Format.Percent(regression, maximum)} from the baseline ({Format.Number(baseline)} → {Format.Number(current)})";
        return Judge(regression <= maximum, regression, maximum,
            $"{change}, within the {options.ContextName} maximum regression of {Format.Percent(maximum)}",
            $"{change}, above the {options.ContextName} maximum regression of {Format.Percent(maximum, regression)}");
    }
}
