using QualityGates.Configuration.Settings;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>coverage.new_code</c>: covered / coverable lines among those the change added or modified since the
/// merge base with the base ref (0–1) ≥ <c>MinNewCodeCoverage</c>; diff-cover's and SonarQube's "coverage
/// on new code". Fewer coverable changed lines than <c>MinNewCodeLines</c> skip the check: a handful of
/// lines gives a noisy percentage, not a missing input. Changed source files that no coverage report names
/// (<see cref="NewCodeCoverage.UntestedFiles"/>) are a missing input: warning QG2022, and when the run
/// requires inputs (strict mode, production by default) a check that would be skipped fails with QG2023
/// instead. A failure lists the uncovered lines (at most <see cref="MaxRangesInMessage"/> ranges).
/// </summary>
internal sealed class NewCodeCoverageCheck : GateCheck
{
    /// <summary>Line ranges named in the failure message at most; the JSON report has them all.</summary>
    internal const int MaxRangesInMessage = 20;

    /// <summary>Untested files named in a message at most; the JSON report has them all.</summary>
    internal const int MaxUntestedFilesInMessage = 10;

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

        var since = Since(change);
        var needed = options.Thresholds.MinNewCodeLines;
        if (change.LinesValid == 0 || change.LinesValid < needed)
        {
            if (change.UntestedFiles.Count > 0 && options.RequiresInputs)
            {
                var who = options.Strict == true ? "strict mode" : $"the {options.ContextName} context";
                return new GateCheckResult(Gate, GateStatus.Failed, change.LineRate, minimum,
                    $"New code no test run measured: {DescribeUntested(change)} {since}, and {who} requires new code to be measured. "
                    + $"{MeasureIt(options.Names)}; to allow it, {options.Names.Set(SettingsCatalogue.Strict, "false")}.",
                    ErrorCodes.NewCodeNotInCoverage);
            }

            return new GateCheckResult(Gate, GateStatus.Skipped, change.LineRate, minimum, SkipReason(change, needed, since, options.Names) + "; check skipped");
        }

        var rate = change.LineRate!.Value;
        var detail = $" ({Format.Count(change.LinesCovered)} of {Format.Count(change.LinesValid, "coverable new line")} covered {since})";
        return Judge(rate >= minimum, rate, minimum,
            $"New-code coverage {Format.Percent(rate, minimum)} meets the {options.ContextName} minimum of {Format.Percent(minimum)}{detail}",
            $"New-code coverage {Format.Percent(rate, minimum)} is below the {options.ContextName} minimum of {Format.Percent(minimum, rate)}{detail}; uncovered new lines: {change.DescribeUncovered(MaxRangesInMessage)}");
    }

    /// <summary>
    /// Warning QG2022 for changed source files no coverage report names, unless the check already failed
    /// on them (QG2023); null when there are none.
    /// </summary>
    internal static GateDiagnostic? UntestedWarning(QualityGateReport report, SettingNames names)
    {
        if (report.Inputs.NewCode is not { UntestedFiles.Count: > 0 } change
            || report.Checks.Any(c => c.Gate == GateNames.NewCodeCoverage && c.Code == ErrorCodes.NewCodeNotInCoverage))
        {
            return null;
        }

        return new GateDiagnostic(DiagnosticSeverity.Warning, ErrorCodes.ChangedFilesNotInCoverage,
            $"New code no test run measured: {DescribeUntested(change)} {Since(change)}; new-code coverage counts only the files a report names. {MeasureIt(names)}.",
            Gate: GateNames.NewCodeCoverage);
    }

    private static string MeasureIt(SettingNames names) =>
        $"Reference their projects from a test project that collects coverage, or leave their assemblies out of coverage ({names.Of(SettingsCatalogue.CoverageExcludeAssemblies)})";

    private static string Since(NewCodeCoverage change) =>
        $"since {change.ShortMergeBase}, the merge base with {change.BaseRef} (from {change.BaseRefSource})";

    private static string SkipReason(NewCodeCoverage change, long needed, string since, SettingNames names)
    {
        if (change.ChangedLines == 0)
        {
            return change.HeadIsMergeBase
                ? $"No new code: HEAD is the merge base {change.ShortMergeBase} with {change.BaseRef} (from {change.BaseRefSource}), so HEAD is that ref or behind it and no line is added or modified. If the change will merge into another branch, name it ({names.Of(SettingsCatalogue.BaseRef)})"
                : $"No new code: no line added or modified {since}";
        }

        var counts = $"The change has {Format.Count(change.LinesValid, "coverable new line")} ({Format.Count(change.ChangedLines, "line")} added or modified in {Format.Count(change.ChangedFiles, "file")} {since})";
        var untested = change.UntestedFiles.Count > 0 ? $" and {DescribeUntested(change)}" : string.Empty;
        return counts + untested + (change.LinesValid == 0
            ? ", so there is nothing to judge"
            : $", fewer than the {Format.Count(needed)} needed to judge new-code coverage ({names.Of(SettingsCatalogue.ForThresholdNamed("MinNewCodeLines"))})");
    }

    /// <summary>"2 changed source files no coverage report names (73 lines: src/New/A.cs, src/New/B.cs)", at most <see cref="MaxUntestedFilesInMessage"/> paths.</summary>
    private static string DescribeUntested(NewCodeCoverage change)
    {
        var files = change.UntestedFiles;
        var shown = string.Join(", ", files.Take(MaxUntestedFilesInMessage));
        var more = files.Count > MaxUntestedFilesInMessage ? $" and {Format.Count(files.Count - MaxUntestedFilesInMessage, "more file")}" : string.Empty;
        var unreadable = change.UnreadableFiles.Count == 0 ? string.Empty
            : $"; the new lines of {Format.Count(change.UnreadableFiles.Count)} of them could not be read ({string.Join(", ", change.UnreadableFiles.Take(MaxUntestedFilesInMessage))}: binary to git, or no regular file), so no report can vouch for them";
        return $"{Format.Count(files.Count, "changed source file")} that no coverage report names ({Format.Count(change.UntestedLines, "line")}: {shown}{more}{unreadable})";
    }
}
