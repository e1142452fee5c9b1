using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Gates;

/// <summary>
/// The warning tier: each gate's optional warning level beside its threshold. For a minimum the
/// warning level sits at or above it, for a maximum at or below it; a figure between the two passes with a
/// coded warning (<see cref="ErrorCodes.FigureInWarningBand"/>).
/// </summary>
internal static class WarningLevels
{
    private static readonly (string Gate, string Name, string ThresholdName, Func<GateThresholds, double?> Warn, Func<GateThresholds, double?> Threshold)[] Levels =
    [
        (GateNames.TestPassRate, "WarnTestPassRate", "MinTestPassRate", t => t.WarnTestPassRate, t => t.MinTestPassRate),
        (GateNames.LineCoverage, "WarnCodeCoverage", "MinCodeCoverage", t => t.WarnCodeCoverage, t => t.MinCodeCoverage),
        (GateNames.BranchCoverage, "WarnBranchCoverage", "MinBranchCoverage", t => t.WarnBranchCoverage, t => t.MinBranchCoverage),
        (GateNames.NewCodeCoverage, "WarnNewCodeCoverage", "MinNewCodeCoverage", t => t.WarnNewCodeCoverage, t => t.MinNewCodeCoverage),
        (GateNames.QualityScore, "WarnQualityScore", "MinQualityScore", t => t.WarnQualityScore, t => t.MinQualityScore),
        (GateNames.Regression, "WarnRegression", "MaxRegression", t => t.WarnRegression, t => t.MaxRegression),
        (GateNames.LatencyIncrease, "WarnLatencyIncrease", "MaxLatencyIncrease", t => t.WarnLatencyIncrease, t => t.MaxLatencyIncrease),
        (GateNames.MemoryIncrease, "WarnMemoryIncreasePercent", "MaxMemoryIncreasePercent", t => t.WarnMemoryIncreasePercent, t => t.MaxMemoryIncreasePercent),
        (GateNames.Throughput, "WarnThroughputTokensPerSec", "MinThroughputTokensPerSec", t => t.WarnThroughputTokensPerSec, t => t.MinThroughputTokensPerSec),
        (GateNames.CriticalVulnerabilities, "WarnCriticalVulnerabilities", "MaxCriticalVulnerabilities", t => t.WarnCriticalVulnerabilities, t => t.MaxCriticalVulnerabilities),
        (GateNames.HighVulnerabilities, "WarnHighVulnerabilities", "MaxHighVulnerabilities", t => t.WarnHighVulnerabilities, t => t.MaxHighVulnerabilities),
        (GateNames.MediumVulnerabilities, "WarnMediumVulnerabilities", "MaxMediumVulnerabilities", t => t.WarnMediumVulnerabilities, t => t.MaxMediumVulnerabilities),
    ];

    /// <summary>
    /// The warning level of <paramref name="gate"/> in <paramref name="thresholds"/>, or null when none is set. A
    /// per-assembly gate (<c>coverage.line[MyLib]</c>) has its base gate's level, as it has its base gate's minimum.
    /// </summary>
    public static double? Of(string gate, GateThresholds thresholds) =>
        Levels.FirstOrDefault(l => l.Gate == GateNames.BaseOf(gate)) is { Name: not null } level ? level.Warn(thresholds) : null;

    /// <summary>True when <paramref name="value"/> passed <paramref name="gate"/> but lies beyond its warning level <paramref name="warn"/>.</summary>
    public static bool Warns(string gate, double value, double warn) =>
        GateDescriptions.IsMinimum(gate) ? value < warn : value > warn;

    /// <summary>
    /// One <see cref="ErrorCodes.WarningLevelOnWrongSide"/> error per warning level set on the failing side of its
    /// threshold (below a minimum, above a maximum); <paramref name="sourceOf"/> names the setting from its catalog name.
    /// </summary>
    public static IEnumerable<GateDiagnostic> Check(GateThresholds thresholds, Func<string, string> sourceOf)
    {
        foreach (var level in Levels)
        {
            if (level.Warn(thresholds) is not double warn || level.Threshold(thresholds) is not double threshold)
            {
                continue;
            }

            var minimum = GateDescriptions.IsMinimum(level.Gate);
            if (minimum ? warn < threshold : warn > threshold)
            {
                yield return new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.WarningLevelOnWrongSide,
                    $"{sourceOf(level.Name)} is {GateDescriptions.FormatValue(level.Gate, warn)}, on the failing side of {sourceOf(level.ThresholdName)} "
                    + $"({GateDescriptions.FormatThreshold(level.Gate, threshold)}): a warning level for a {(minimum ? "minimum must be at or above it" : "maximum must be at or below it")}, so figures between the two warn before they fail.");
            }
        }
    }
}
