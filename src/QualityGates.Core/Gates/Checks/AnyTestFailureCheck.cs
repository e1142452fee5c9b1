using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>tests.any_failure</c>, run only when <see cref="GateOptions.FailOnAnyTestFailure"/> is on
/// (<c>QualityGatesFailOnAnyTestFailure</c>, <c>--fail-on-any-test-failure</c>): the count of failed
/// tests ≤ 0, and a run that aborted fails too. Its failure carries QG2012.
/// </summary>
internal sealed class AnyTestFailureCheck : GateCheck
{
    public override string Gate => GateNames.AnyTestFailure;
    public override GateGroup Group => GateGroup.Tests;
    public override string FailureCode => ErrorCodes.TestFailedWithFailOnAnyTestFailure;

    public override bool AppliesTo(GateOptions options) => options.FailOnAnyTestFailure;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        if (inputs.Tests is not { } tests)
        {
            return Missing(options, 0, "No test results were given");
        }

        var what = tests.Aborted && tests.Failed == 0
            ? "The test run aborted"
            : string.Create(CultureInfo.InvariantCulture, $"{tests.Failed} of {tests.Executed} tests failed");
        return Judge(tests.Failed == 0 && !tests.Aborted, tests.Failed, 0,
            $"No test failed ({Format.Count(tests.Executed)} executed), as fail-on-any-test-failure requires",
            $"{what}, and fail-on-any-test-failure is on, so any failed test blocks the run");
    }
}
