using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Gates.Checks;

/// <summary>
/// A model figure compared with its baseline: the relative change ≤ the context's maximum. One class,
/// three parameter sets: <c>model.regression</c> (quality score, higher is better: (baseline − current) /
/// |baseline|, a fraction, so an improvement is negative), <c>model.latency_increase</c> ((current − baseline) /
/// |baseline|, a fraction; lower is better) and <c>model.memory_increase</c> (the same in percent, 15.0 = 15 %,
/// as the seed's threshold is). The change is measured against the baseline's magnitude in the direction in which
/// the figure gets better, so a score that can be negative (R², a log-likelihood) keeps its sign: −0.21 → −0.42
/// regressed 100 %. A missing figure or a zero baseline (no relative change exists) skips the check (fails in
/// strict mode), and the message says which figure to give.
/// </summary>
internal sealed class BaselineComparisonCheck : GateCheck
{
    private readonly Comparison _comparison;

    private BaselineComparisonCheck(Comparison comparison) => _comparison = comparison;

    public static BaselineComparisonCheck Regression { get; } = new(new Comparison(
        GateNames.Regression, ErrorCodes.RegressionAboveMaximum,
        m => m.QualityScore, m => m.BaselineQualityScore, t => t.MaxRegression,
        "No model quality score was given", "No baseline quality score was given", "The baseline quality score is 0", "the regression",
        "quality_score", "baseline_quality_score",
        (baseline, current) => (baseline - current) / Math.Abs(baseline),
        (change, baseline, current, maximum) => change <= 0
            ? $"Quality score improved {Format.Percent(-change)} over the baseline ({Format.Number(baseline)} → {Format.Number(current)})"
            : $"Quality score regressed {Format.Percent(change, maximum)} from the baseline ({Format.Number(baseline)} → {Format.Number(current)})",
        "maximum regression", Format.Percent));

    public static BaselineComparisonCheck LatencyIncrease { get; } = new(new Comparison(
        GateNames.LatencyIncrease, ErrorCodes.LatencyIncreaseAboveMaximum,
        m => m.LatencyMs, m => m.BaselineLatencyMs, t => t.MaxLatencyIncrease,
        "No latency was given", "No baseline latency was given", "The baseline latency is 0 ms", "the latency increase",
        "latency_ms", "baseline_latency_ms",
        (baseline, current) => (current - baseline) / Math.Abs(baseline),
        (change, baseline, current, maximum) =>
            $"Latency {Direction(change)} {Format.Percent(Math.Abs(change), maximum)} from the baseline ({Format.Number(baseline)} ms → {Format.Number(current)} ms)",
        "maximum increase", Format.Percent));

    public static BaselineComparisonCheck MemoryIncrease { get; } = new(new Comparison(
        GateNames.MemoryIncrease, ErrorCodes.MemoryIncreaseAboveMaximum,
        m => m.MemoryMb, m => m.BaselineMemoryMb, t => t.MaxMemoryIncreasePercent,
        "No memory figure was given", "No baseline memory was given", "The baseline memory is 0 MB", "the memory increase",
        "memory_mb", "baseline_memory_mb",
        (baseline, current) => (current - baseline) / Math.Abs(baseline) * 100,
        (change, baseline, current, maximum) =>
            $"Memory {Direction(change)} {Format.PercentValue(Math.Abs(change), maximum)} from the baseline ({Format.Number(baseline)} MB → {Format.Number(current)} MB)",
        "maximum increase", Format.PercentValue));

    public override string Gate => _comparison.Gate;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => _comparison.FailureCode;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var c = _comparison;
        var maximum = c.Maximum(options.Thresholds);
        if (inputs.Model is not { } model || c.Current(model) is not double current)
        {
            return Missing(options, maximum, $"{c.NoCurrent}, so {c.Computed} was not computed", AddModelField(inputs.Model, c.Field));
        }

        var file = ModelFile(model);
        var baselineFrom = model.BaselineSourceFile is { } baselineFile ? $"the baseline file '{Path.GetFileName(baselineFile)}' ({c.Field})" : $"{file} ({c.BaselineField})";
        if (c.Baseline(model) is not double baseline)
        {
            return Missing(options, maximum, $"{c.NoBaseline}, so {c.Computed} was not computed",
                $"Add {c.BaselineField} to {file}, or name a baseline metrics file ({options.Names.Of(SettingsCatalogue.ModelBaselineFile)}).");
        }

        if (baseline == 0)
        {
            // A change relative to zero has no size: say which figure is zero and where it came from.
            var zero = $"{c.ZeroBaseline} in {baselineFrom}, so {c.Computed} cannot be computed: a change relative to a baseline of 0 has no size";
            return Missing(options, maximum, zero,
                $"Compare against a baseline that is not 0 (the last approved model's figure), or leave {c.BaselineField} out to skip this check.");
        }

        var change = c.Change(baseline, current);
        var text = c.Describe(change, baseline, current, maximum);
        return Judge(change <= maximum, change, maximum,
            $"{text}, within the {options.ContextName} {c.LimitName} of {c.FormatLimit(maximum, null)}",
            $"{text}, above the {options.ContextName} {c.LimitName} of {c.FormatLimit(maximum, change)}");
    }

    private static string Direction(double change) => change >= 0 ? "increased" : "decreased";

    // One comparison's figures, formula and wording. Change: (baseline, current) → the change in the
    // threshold's unit; Describe: (change, baseline, current, maximum) → what changed, for the message;
    // FormatLimit: (maximum, the change or null) → the maximum as the message shows it.
    private sealed record Comparison(
        string Gate,
        string FailureCode,
        Func<ModelMetrics, double?> Current,
        Func<ModelMetrics, double?> Baseline,
        Func<GateThresholds, double> Maximum,
        string NoCurrent,
        string NoBaseline,
        string ZeroBaseline,
        string Computed,
        string Field,
        string BaselineField,
        Func<double, double, double> Change,
        Func<double, double, double, double, string> Describe,
        string LimitName,
        Func<double, double?, string> FormatLimit);
}
