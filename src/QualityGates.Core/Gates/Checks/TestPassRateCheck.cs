using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary><c>tests.pass_rate</c>: passed / executed ≥ the minimum; no executed test fails.</summary>
internal sealed class TestPassRateCheck : GateCheck
{
    public override string Gate => GateNames.TestPassRate;
    public override GateGroup Group => GateGroup.Tests;
    public override string FailureCode => ErrorCodes.TestPassRateBelowMinimum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinTestPassRate;
        var tests = inputs.Tests;
        if (tests is null)
        {
            return Missing(options, minimum, "No test results were given");
        }

        if (tests.PassRate is not double rate)
        {
            var why = tests.Aborted
                ? "The test run aborted before any test was executed"
                : $"No test was executed ({Format.Count(tests.Total)} found, {Format.Count(tests.Skipped)} skipped)";
            return new GateCheckResult(Gate, GateStatus.Failed, null, minimum,
                $"{why}; the {options.ContextName} minimum pass rate is {Format.Percent(minimum)}", FailureCode);
        }

        var counts = $"({Format.Count(tests.Passed)} of {Format.Count(tests.Executed)} passed"
            + (tests.Skipped > 0 ? $", {Format.Count(tests.Skipped)} skipped" : string.Empty)
            + (tests.Aborted ? ", run aborted" : string.Empty) + ")";
        return Judge(rate >= minimum, rate, minimum,
            $"Test pass rate {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)} {counts}",
            $"Test pass rate {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)} {counts}");
    }
}
