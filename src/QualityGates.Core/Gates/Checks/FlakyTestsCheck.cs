using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>tests.flaky</c>, run only when a maximum is set (<c>QualityGatesMaxFlakyTests</c>, <c>--max-flaky-tests</c>):
/// the tests that failed and then passed on a retry ≤ the maximum. A retried test counts once in the pass rate,
/// by its last attempt; this check lets a team hold the number of such tests down. Its failure carries QG2030.
/// </summary>
internal sealed class FlakyTestsCheck : GateCheck
{
    /// <summary>How many flaky tests a message names.</summary>
    public const int NamedInMessage = 3;

    public override string Gate => GateNames.FlakyTests;
    public override GateGroup Group => GateGroup.Tests;
    public override string FailureCode => ErrorCodes.FlakyTestsAboveMaximum;

    public override bool AppliesTo(GateOptions options) => options.Thresholds.MaxFlakyTests is not null;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var maximum = options.Thresholds.MaxFlakyTests!.Value;
        if (inputs.Tests is not { } tests)
        {
            return Missing(options, maximum, "No test results were given");
        }

        var named = tests.FlakyTests.Take(NamedInMessage).Select(t => t.Name).ToList();
        var names = Format.Named(named, named.Count, tests.Flaky);
        var what = $"{Format.Count(tests.Flaky, "flaky test")} (failed, then passed on a retry)";
        return Judge(tests.Flaky <= maximum, tests.Flaky, maximum,
            $"{what}, within the {options.ContextName} maximum of {Format.Count(maximum)}{names}",
            $"{what} {(tests.Flaky == 1 ? "exceeds" : "exceed")} the {options.ContextName} maximum of {Format.Count(maximum)}{names}");
    }
}
