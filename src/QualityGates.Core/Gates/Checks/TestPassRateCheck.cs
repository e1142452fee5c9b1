using QualityGates.Configuration.Settings;
using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>tests.pass_rate</c>: passed / executed ≥ the minimum. No executed test fails ("measured nothing"),
/// and so does a run its producer marks as aborted, whatever results it has, unless
/// <see cref="GateOptions.AllowAbortedRun"/>: the tests that never ran would otherwise pass unseen.
/// </summary>
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

        var reason = tests.AbortReason is { } text ? $" ({text})" : string.Empty;
        if (tests.PassRate is not double rate)
        {
            var why = tests.Aborted
                ? $"The test run aborted before any test was executed{reason}"
                : $"No test was executed ({Format.Count(tests.Total)} found, {Format.Count(tests.Skipped)} skipped)";
            return new GateCheckResult(Gate, GateStatus.Failed, null, minimum,
                $"{why}; the {options.ContextName} minimum pass rate is {Format.Percent(minimum)}", FailureCode);
        }

        var counts = $"({Format.Count(tests.Passed)} of {Format.Count(tests.Executed)} passed"
            + (tests.Skipped > 0 ? $", {Format.Count(tests.Skipped)} skipped" : string.Empty)
            + (tests.Aborted ? ", run aborted" : string.Empty) + ")";
        if (tests.Aborted && !options.AllowAbortedRun)
        {
            return new GateCheckResult(Gate, GateStatus.Failed, rate, minimum,
                $"The test run aborted{reason}; a partial run cannot meet the {options.ContextName} minimum pass rate of {Format.Percent(minimum)} {counts}; {options.Names.Set(SettingsCatalogue.AllowAbortedRun, "true")} to judge the partial results", FailureCode);
        }

        return Judge(rate >= minimum, rate, minimum,
            $"Test pass rate {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)} {counts}",
            $"Test pass rate {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)} {counts}");
    }
}
