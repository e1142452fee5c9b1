using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary><c>model.throughput</c>: tokens per second ≥ the minimum.</summary>
internal sealed class ThroughputCheck : GateCheck
{
    public override string Gate => GateNames.Throughput;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => ErrorCodes.ThroughputBelowMinimum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinThroughputTokensPerSec;
        if (inputs.Model?.ThroughputTokensPerSec is not double throughput)
        {
            return Missing(options, minimum, "No throughput was given", AddModelField(inputs.Model, "throughput_tokens_per_sec"));
        }

        return Judge(throughput >= minimum, throughput, minimum,
            $"Throughput {Format.Number(throughput)} tokens/s meets the {options.ContextName} minimum of {Format.Number(minimum)} tokens/s",
            $"Throughput {Format.Number(throughput)} tokens/s is below the {options.ContextName} minimum of {Format.Number(minimum)} tokens/s");
    }
}
