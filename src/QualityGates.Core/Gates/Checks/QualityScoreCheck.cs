using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates.Checks;

/// <summary><c>model.quality_score</c>: quality score ≥ the minimum.</summary>
internal sealed class QualityScoreCheck : GateCheck
{
    public override string Gate => GateNames.QualityScore;
    public override GateGroup Group => GateGroup.Model;
    public override string FailureCode => ErrorCodes.QualityScoreBelowMinimum;

    public override GateCheckResult Evaluate(GateInputs inputs, GateOptions options)
    {
        var minimum = options.Thresholds.MinQualityScore;
        if (inputs.Model?.QualityScore is not double score)
        {
            return Missing(options, minimum, "No model quality score was given", AddModelField(inputs.Model, "quality_score"));
        }

        return Judge(score >= minimum, score, minimum,
            $"Quality score {Format.Number(score)} meets the {options.ContextName} minimum of {Format.Number(minimum)}",
            $"Quality score {Format.Number(score)} is below the {options.ContextName} minimum of {Format.Number(minimum)}");
    }
}
