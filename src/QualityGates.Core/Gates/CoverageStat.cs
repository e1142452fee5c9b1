using QualityGates.Errors;

namespace QualityGates.Gates;

/// <summary>
/// Which coverage figure the minimum applies to (<c>QualityGatesCoverageStat</c>, the CLI's
/// <c>--coverage-stat</c>), named after coverlet's <c>ThresholdStat</c>: the whole run's total, or also
/// every assembly (Cobertura package) on its own.
/// </summary>
internal enum CoverageStat
{
    /// <summary>The default: only the total over every assembly counted (<c>coverage.line</c>, <c>coverage.branch</c>).</summary>
    Total,

    /// <summary>
    /// Besides the total, every assembly must meet the minimum: one check per assembly,
    /// <c>coverage.line[&lt;assembly&gt;]</c> (QG2025) and, with a branch minimum, <c>coverage.branch[&lt;assembly&gt;]</c> (QG2026).
    /// </summary>
    Minimum,
}

/// <summary>Reads a <see cref="CoverageStat"/> setting.</summary>
internal static class CoverageStats
{
    /// <summary>Parses <c>Total</c> or <c>Minimum</c> (case-insensitive); empty or null means <see cref="CoverageStat.Total"/>.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> (QG0009) for any other value, naming <paramref name="property"/>.</exception>
    public static CoverageStat Parse(string? value, string property)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || string.Equals(text, nameof(CoverageStat.Total), StringComparison.OrdinalIgnoreCase))
        {
            return CoverageStat.Total;
        }

        return string.Equals(text, nameof(CoverageStat.Minimum), StringComparison.OrdinalIgnoreCase)
            ? CoverageStat.Minimum
            : throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{property} is '{text}', which is not a coverage statistic; use Total (the run's total, the default) or Minimum (every assembly must meet the minimum too).");
    }
}
