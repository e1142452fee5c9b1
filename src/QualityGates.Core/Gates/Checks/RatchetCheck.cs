using QualityGates.Configuration.Settings;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Gates.Checks;

/// <summary>
/// A ratchet: a figure may not fall below its baseline by more than <c>RatchetTolerance</c> percentage
/// points. Value = this run's figure, threshold = baseline − tolerance (both fractions 0–1), so reports
/// show what the run had to reach. One class, three figures: <c>ratchet.line_coverage</c>,
/// <c>ratchet.branch_coverage</c>, <c>ratchet.test_pass_rate</c>. Without a baseline the check is skipped
/// with the reason, and fails only in explicit strict mode: production's fail-closed default would block
/// the first run forever, since a blocked run is never approved and so never becomes a baseline.
/// </summary>
internal sealed class RatchetCheck : GateCheck
{
    private readonly string _gate;
    private readonly string _code;
    private readonly string _figure;
    private readonly GateGroup _group;
    private readonly Func<GateInputs, double?> _current;
    private readonly Func<RatchetBaseline, double?> _baseline;

    private RatchetCheck(string gate, string code, string figure, GateGroup group, Func<GateInputs, double?> current, Func<RatchetBaseline, double?> baseline)
    {
        (_gate, _code, _figure, _group, _current, _baseline) = (gate, code, figure, group, current, baseline);
    }

    public static RatchetCheck LineCoverage { get; } = new(GateNames.RatchetLineCoverage, ErrorCodes.RatchetLineCoverageDropped,
        "Line coverage", GateGroup.Coverage, i => i.Coverage?.LineRate, b => b.LineRate);

    public static RatchetCheck BranchCoverage { get; } = new(GateNames.RatchetBranchCoverage, ErrorCodes.RatchetBranchCoverageDropped,
        "Branch coverage", GateGroup.Coverage, i => i.Coverage?.BranchRate, b => b.BranchRate);

    public static RatchetCheck TestPassRate { get; } = new(GateNames.RatchetTestPassRate, ErrorCodes.RatchetTestPassRateDropped,
        "Test pass rate", GateGroup.Tests, i => i.Tests?.PassRate, b => b.PassRate);

    public override string Gate => _gate;
    public override GateGroup Group => _group;
    public override string FailureCode => _code;

    public override bool AppliesTo(GateOptions options) => options.Ratchet;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        if (inputs.Baseline is not { } baseline)
        {
            var why = $"No ratchet baseline: {inputs.BaselineMissing ?? "none was found"}";
            return options.Strict == true
                ? new GateCheckResult(Gate, GateStatus.Failed, _current(inputs), null,
                    $"{why}, and strict mode requires one. Name a baseline report ({options.Names.Of(SettingsCatalogue.BaselineReport)}) or approve a run first; to allow a run without it, {options.Names.Set(SettingsCatalogue.Strict, "false")}.", FailureCode)
                : new GateCheckResult(Gate, GateStatus.Skipped, _current(inputs), null, why + "; check skipped");
        }

        if (_baseline(baseline) is not double before)
        {
            return new GateCheckResult(Gate, GateStatus.Skipped, _current(inputs), null,
                $"The baseline ({baseline.Source}) has no {_figure.ToLowerInvariant()} figure; check skipped");
        }

        var tolerance = options.Thresholds.RatchetTolerance;
        var minimum = Math.Max(0, before - tolerance / 100);
        if (_current(inputs) is not double now)
        {
            return Missing(options, minimum, $"This run has no {_figure.ToLowerInvariant()} figure to hold to the baseline of {Format.Percent(before)}");
        }

        var drop = (before - now) * 100;
        var change = drop > 0 ? $"fell {Points(drop)} from" : drop < 0 ? $"rose {Points(-drop)} above" : "equals";
        var text = $"{_figure} {Format.Percent(now, before)} {change} the baseline of {Format.Percent(before, now)} ({baseline.Source})";
        // A rate is a ratio of counts: compare with a little slack, so 0.9 - 0.001 never fails 0.899 on rounding.
        return Judge(now >= minimum - 1e-12, now, minimum,
            $"{text}, within the tolerance of {Points(tolerance)}",
            $"{text}, more than the tolerance of {Points(tolerance)}");
    }

    private static string Points(double points) => Format.Number(Math.Round(points, 3)) + " pp";
}
