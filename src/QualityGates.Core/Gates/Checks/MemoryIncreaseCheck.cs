using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary>
/// <c>model.memory_increase</c>: memory increase in percent of the baseline ≤ the maximum percent.
/// Value and threshold are both in percent (15.0 = 15 %), as the seed's threshold is.
/// </summary>
internal sealed class MemoryIncreaseCheck : GateCheck
{
    public override string Gate => GateNames.MemoryIncrease;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => ErrorCodes.MemoryIncreaseAboveMaximum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var maximum = options.Thresholds.MaxMemoryIncreasePercent;
        if (inputs.Model?.MemoryMb is not double current)
        {
            return Missing(options, maximum, "No memory figure was given, so the memory increase was not computed");
        }

        if (inputs.Model.BaselineMemoryMb is not double baseline)
        {
            return Missing(options, maximum, "No baseline memory was given, so the memory increase was not computed");
        }

        if (baseline == 0)
        {
            return Missing(options, maximum, "The baseline memory is 0 MB, so the memory increase cannot be computed");
        }

        var percent = (current - baseline) / baseline * 100;
        var change = $"Memory {(percent >= 0 ? "increased" : "decreased")} {Format.PercentValue(Math.Abs(percent), maximum)} from the baseline ({Format.Number(baseline)} MB → {Format.Number(current)} MB)";
        return Judge(percent <= maximum, percent, maximum,
            $"{change}, within the {options.ContextName} maximum increase of {Format.PercentValue(maximum)}",
            $"{change}, above the {options.ContextName} maximum increase of {Format.PercentValue(maximum, percent)}");
    }
}
