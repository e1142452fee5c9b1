using System.Globalization;
using System.Text.Json;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// The severity of one SARIF result. The rule's <c>security-severity</c> property (a CVSS score that
/// GitHub code scanning, grype and Trivy write) wins: ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium,
/// &gt; 0 low, 0 not counted. Otherwise the result's <c>level</c>, else the rule's
/// <c>defaultConfiguration.level</c>, else <c>warning</c>: error → high, warning → medium,
/// note → low, none → not counted.
/// </summary>
internal static class SarifSeverity
{
    /// <summary>The bucket of <paramref name="result"/>, or null when it is not counted.</summary>
    public static FindingSeverity? Of(JsonCursor result, SarifRule? rule)
    {
        if (rule?.Score is { } score)
        {
            return FromScore(score);
        }

        var level = result.Optional("level") ?? rule?.DefaultLevel;
        return level?.AsString() switch
        {
            null or "warning" => FindingSeverity.Medium,
            "error" => FindingSeverity.High,
            "note" => FindingSeverity.Low,
            "none" => null,
            _ => throw level.Value.OutOfRange($"{level.Value.Path} is {level.Value.Description}; a SARIF level is error, warning, note or none."),
        };
    }

    private static FindingSeverity? FromScore(JsonCursor field)
    {
        // The SARIF property bag holds it as a string ("8.2"); accept a plain number as well.
        double score;
        if (field.Kind == JsonValueKind.Number)
        {
            score = field.AsFiniteNumber();
        }
        else if (!double.TryParse(field.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out score))
        {
            throw field.WrongType("a CVSS score (a number, or a string holding one)");
        }

        return score switch
        {
            < 0 or > 10 or double.NaN => throw field.OutOfRange($"{field.Path} is {field.Description}; a CVSS score is from 0.0 to 10.0."),
            >= 9.0 => FindingSeverity.Critical,
            >= 7.0 => FindingSeverity.High,
            >= 4.0 => FindingSeverity.Medium,
            > 0 => FindingSeverity.Low,
            _ => null,
        };
    }
}
