using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>coverage.new_code</c>: covered / coverable lines among those the change added or modified since the
/// merge base with the base ref (0–1) ≥ <c>MinNewCodeCoverage</c>; diff-cover's and SonarQube's "coverage
/// on new code". Fewer coverable changed lines than <c>MinNewCodeLines</c> skip the check, in every
/// mode: a handful of lines gives a noisy percentage, not a missing input. A failure lists the uncovered
/// lines (at most <see cref="MaxRangesInMessage"/> ranges).
/// </summary>
internal sealed class NewCodeCoverageCheck : GateCheck
{
    /// <summary>Line ranges named in the failure message at most; the JSON report has them all.</summary>
    internal const int MaxRangesInMessage = 20;

    public override string Gate => GateNames.NewCodeCoverage;
    public override GateGroup Group => GateGroup.Coverage;
    public override string FailureCode => ErrorCodes.NewCodeCoverageBelowMinimum;

    public override bool AppliesTo(GateOptions options) => options.NewCode;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinNewCodeCoverage;
        if (inputs.NewCode is not { } change)
        {
            return Missing(options, minimum, "No coverage results were given, so new-code coverage was not computed");
        }

        var since = $"since {change.ShortMergeBase}, the merge base with {change.BaseRef} ({change.BaseRefSource})";
        var needed = options.Thresholds.MinNewCodeLines;
        if (change.LinesValid == 0 || change.LinesValid < needed)
        {
            return new GateCheckResult(Gate, GateStatus.Skipped, change.LineRate, minimum,
                $"The change has {Format.Count(change.LinesValid)} coverable new lines ({Format.Count(change.ChangedLines)} lines added or modified in {Format.Count(change.ChangedFiles)} files {since}), "
                + (change.LinesValid == 0 ? "so there is nothing to judge" : $"fewer than the {Format.Count(needed)} needed to judge new-code coverage (MinNewCodeLines)")
                + "; check skipped");
        }

        var rate = change.LineRate!.Value;
        var detail = $" ({Format.Count(change.LinesCovered)} of {Format.Count(change.LinesValid)} coverable new lines covered {since})";
        return Judge(rate >= minimum, rate, minimum,
            $"New-code coverage {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)}{detail}",
            $"New-code coverage {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)}{detail}; uncovered new lines: {change.DescribeUncovered(MaxRangesInMessage)}");
    }
}
