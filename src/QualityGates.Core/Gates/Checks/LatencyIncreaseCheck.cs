using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary><c>model.latency_increase</c>: (current − baseline) / baseline latency ≤ the maximum.</summary>
internal sealed class LatencyIncreaseCheck : GateCheck
{
    public override string Gate => GateNames.LatencyIncrease;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => ErrorCodes.LatencyIncreaseAboveMaximum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var maximum = options.Thresholds.MaxLatencyIncrease;
        if (inputs.Model?.LatencyMs is not double current)
        {
            return Missing(options, maximum, "No latency was given, so the latency increase was not computed");
        }

        if (inputs.Model.BaselineLatencyMs is not double baseline)
        {
            return Missing(options, maximum, "No baseline latency was given, so the latency increase was not computed");
        }

        if (baseline == 0)
        {
            return Missing(options, maximum, "The baseline latency is 0 ms, so the latency increase cannot be computed");
        }

        var increase = (current - baseline) / baseline;
        var change = $"Latency {(increase >= 0 ? "increased" : "decreased")} {Format.Percent(Math.Abs(increase), maximum)} from the baseline ({Format.Number(baseline)} ms → {Format.Number(current)} ms)";
        return Judge(increase <= maximum, increase, maximum,
            $"{change}, within the {options.ContextName} maximum increase of {Format.Percent(maximum)}",
            $"{change}, above the {options.ContextName} maximum increase of {Format.Percent(maximum, increase)}");
    }
}
