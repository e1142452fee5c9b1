using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Configuration;

/// <summary>
/// Every threshold a user can override, and the validation of override values. An invalid value is
/// an error naming where it was written, never a silent default.
/// </summary>
internal static class ThresholdCatalog
{
    /// <summary>The longest waiver any context may allow: ten years, far beyond any sane review cycle and far from the calendar's end.</summary>
    public const int MaxWaiverDays = 3650;

    public static IReadOnlyList<ThresholdDefinition> All { get; } = new[]
    {
        new ThresholdDefinition("MinTestPassRate", ThresholdKind.Fraction, "minimum passed / executed tests",
            (t, v) => t with { MinTestPassRate = v }),
        new ThresholdDefinition("MinCodeCoverage", ThresholdKind.Fraction, "minimum line coverage",
            (t, v) => t with { MinCodeCoverage = v }) { SettingName = "MinLineCoverage", DeprecatedName = "MinCodeCoverage" },
        new ThresholdDefinition("MinBranchCoverage", ThresholdKind.Fraction, "minimum branch coverage (not gated unless set)",
            (t, v) => t with { MinBranchCoverage = v }),
        new ThresholdDefinition("MinQualityScore", ThresholdKind.Fraction, "minimum model quality score",
            (t, v) => t with { MinQualityScore = v }),
        new ThresholdDefinition("MaxRegression", ThresholdKind.Fraction, "maximum quality score regression, as a fraction of the baseline",
            (t, v) => t with { MaxRegression = v }) { Unit = "fraction of the baseline score, 0–1 (0.05 = 5 %)" },
        new ThresholdDefinition("MaxLatencyIncrease", ThresholdKind.NonNegativeNumber, "maximum latency increase, as a fraction of the baseline",
            (t, v) => t with { MaxLatencyIncrease = v }) { Unit = "fraction of the baseline, 0 or more (0.20 = 20 % slower)" },
        new ThresholdDefinition("MaxMemoryIncreasePercent", ThresholdKind.NonNegativeNumber, "maximum memory increase, as a fraction of the baseline",
            (t, v) => t with { MaxMemoryIncreasePercent = v })
        {
            SettingName = "MaxMemoryIncrease", DeprecatedName = "MaxMemoryIncreasePercent", SettingScale = 100,
            Unit = "fraction of the baseline, 0 or more (0.15 = 15 % more)",
        },
        new ThresholdDefinition("MinThroughputTokensPerSec", ThresholdKind.NonNegativeNumber, "minimum throughput in tokens per second",
            (t, v) => t with { MinThroughputTokensPerSec = v }) { Unit = "tokens per second, 0 or more" },
        new ThresholdDefinition("MaxCriticalVulnerabilities", ThresholdKind.Count, "maximum critical vulnerabilities",
            (t, v) => t with { MaxCriticalVulnerabilities = (int)v }),
        new ThresholdDefinition("MaxHighVulnerabilities", ThresholdKind.Count, "maximum high vulnerabilities",
            (t, v) => t with { MaxHighVulnerabilities = (int)v }),
        new ThresholdDefinition("MaxMediumVulnerabilities", ThresholdKind.Count, "maximum medium vulnerabilities",
            (t, v) => t with { MaxMediumVulnerabilities = (int)v }),
        new ThresholdDefinition("MaxFlakyTests", ThresholdKind.Count, "maximum flaky tests: tests that failed, then passed on a retry (not gated unless set)",
            (t, v) => t with { MaxFlakyTests = (int)v }),
        new ThresholdDefinition("MinNewCodeCoverage", ThresholdKind.Fraction, "minimum coverage of the lines the change added or modified",
            (t, v) => t with { MinNewCodeCoverage = v }),
        new ThresholdDefinition("MinNewCodeLines", ThresholdKind.Count, "coverable changed lines below which new-code coverage is skipped",
            (t, v) => t with { MinNewCodeLines = (int)v }),
        new ThresholdDefinition("RatchetTolerance", ThresholdKind.NonNegativeNumber, "percentage points a ratcheted figure may fall below its baseline (0.1 = 0.1 pp)",
            (t, v) => t with { RatchetTolerance = v }) { Unit = "percentage points, 0 or more (0.1 = 0.1 pp)" },
        // Warning levels (none by default) and the longest waiver.
        new ThresholdDefinition("WarnTestPassRate", ThresholdKind.Fraction, "warning level for the test pass rate (at or above the minimum)",
            (t, v) => t with { WarnTestPassRate = v }),
        new ThresholdDefinition("WarnCodeCoverage", ThresholdKind.Fraction, "warning level for line coverage (at or above the minimum)",
            (t, v) => t with { WarnCodeCoverage = v }) { SettingName = "WarnLineCoverage", DeprecatedName = "WarnCodeCoverage" },
        new ThresholdDefinition("WarnBranchCoverage", ThresholdKind.Fraction, "warning level for branch coverage (at or above the minimum)",
            (t, v) => t with { WarnBranchCoverage = v }),
        new ThresholdDefinition("WarnNewCodeCoverage", ThresholdKind.Fraction, "warning level for new-code coverage (at or above the minimum)",
            (t, v) => t with { WarnNewCodeCoverage = v }),
        new ThresholdDefinition("WarnQualityScore", ThresholdKind.Fraction, "warning level for the model quality score (at or above the minimum)",
            (t, v) => t with { WarnQualityScore = v }),
        new ThresholdDefinition("WarnRegression", ThresholdKind.Fraction, "warning level for the quality score regression (at or below the maximum)",
            (t, v) => t with { WarnRegression = v }),
        new ThresholdDefinition("WarnLatencyIncrease", ThresholdKind.NonNegativeNumber, "warning level for the latency increase (at or below the maximum)",
            (t, v) => t with { WarnLatencyIncrease = v }) { Unit = "fraction of the baseline, 0 or more (0.20 = 20 % slower)" },
        new ThresholdDefinition("WarnMemoryIncreasePercent", ThresholdKind.NonNegativeNumber, "warning level for the memory increase, as a fraction of the baseline (at or below the maximum)",
            (t, v) => t with { WarnMemoryIncreasePercent = v })
        {
            SettingName = "WarnMemoryIncrease", DeprecatedName = "WarnMemoryIncreasePercent", SettingScale = 100,
            Unit = "fraction of the baseline, 0 or more (0.15 = 15 % more)",
        },
        new ThresholdDefinition("WarnThroughputTokensPerSec", ThresholdKind.NonNegativeNumber, "warning level for throughput in tokens per second (at or above the minimum)",
            (t, v) => t with { WarnThroughputTokensPerSec = v }) { Unit = "tokens per second, 0 or more" },
        new ThresholdDefinition("WarnCriticalVulnerabilities", ThresholdKind.Count, "warning level for critical vulnerabilities (at or below the maximum)",
            (t, v) => t with { WarnCriticalVulnerabilities = v }),
        new ThresholdDefinition("WarnHighVulnerabilities", ThresholdKind.Count, "warning level for high vulnerabilities (at or below the maximum)",
            (t, v) => t with { WarnHighVulnerabilities = v }),
        new ThresholdDefinition("WarnMediumVulnerabilities", ThresholdKind.Count, "warning level for medium vulnerabilities (at or below the maximum)",
            (t, v) => t with { WarnMediumVulnerabilities = v }),
        new ThresholdDefinition("MaxWaiverDays", ThresholdKind.Count, "longest a waiver may run, in days from today to its expiry",
            (t, v) => t with { MaxWaiverDays = (int)v }) { Unit = $"days, 0 to {MaxWaiverDays}", Maximum = MaxWaiverDays },
    };

    /// <summary>Finds a threshold by name (case-insensitive), or throws <see cref="ErrorCodes.UnknownThreshold"/>.</summary>
    public static ThresholdDefinition Find(string name)
    {
        return All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new QualityGatesException(ErrorCodes.UnknownThreshold,
                $"'{name}' is not a threshold; known thresholds: {string.Join(", ", All.Select(d => d.Name))}.");
    }

    /// <summary>
    /// Applies one override written as text. Empty values change nothing, so unset MSBuild
    /// properties can be passed straight through.
    /// </summary>
    /// <param name="thresholds">The set to start from.</param>
    /// <param name="name">The threshold name, e.g. <c>MinTestPassRate</c>.</param>
    /// <param name="value">The value as written, parsed with the invariant culture.</param>
    /// <param name="source">Where it was written (e.g. <c>QualityGatesMinTestPassRate</c>), for errors.</param>
    public static GateThresholds Apply(GateThresholds thresholds, string name, string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return thresholds;
        }

        var definition = Find(name);
        return definition.Apply(thresholds, Parse(definition, value.Trim(), source));
    }

    /// <summary>Reads a value as written for <paramref name="definition"/>, or throws QG0002 (not a number) or QG0003 (out of range) naming <paramref name="source"/>.</summary>
    internal static double Parse(ThresholdDefinition definition, string text, string source)
    {
        if (definition.Kind == ThresholdKind.Count)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                throw new QualityGatesException(ErrorCodes.ThresholdNotANumber,
                    $"{source} is '{text}', which is not a whole number; it must be a count of 0 or more.");
            }

            if (count < 0 || count > definition.Maximum)
            {
                throw new QualityGatesException(ErrorCodes.ThresholdOutOfRange, definition.Maximum is { } max
                    ? $"{source} is {text}, but it must be a whole number from 0 to {max}."
                    : $"{source} is {text}, but it must be a count of 0 or more.");
            }

            return count;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            throw new QualityGatesException(ErrorCodes.ThresholdNotANumber,
                $"{source} is '{text}', which is not a number; write it with a '.' as the decimal separator, e.g. 0.95.");
        }

        if (definition.Kind == ThresholdKind.Fraction && (number < 0 || number > 1))
        {
            throw new QualityGatesException(ErrorCodes.ThresholdOutOfRange,
                $"{source} is {text}, but it must be a fraction between 0 and 1 (write 0.95 for 95 %).");
        }

        if (number < 0)
        {
            throw new QualityGatesException(ErrorCodes.ThresholdOutOfRange,
                $"{source} is {text}, but it must be 0 or more.");
        }

        return number;
    }
}
