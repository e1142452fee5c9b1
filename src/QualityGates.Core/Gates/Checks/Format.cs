using System.Globalization;

namespace QualityGates.Gates.Checks;

/// <summary>Number formatting for check messages: invariant culture, enough digits to tell value from threshold.</summary>
internal static class Format
{
    /// <summary>
    /// A fraction as a percentage with one decimal ("97.0%"), or more decimals when one would make a
    /// different value look equal to <paramref name="other"/> (97.95% below 98.0% must not read "98.0%").
    /// </summary>
    public static string Percent(double fraction, double? other = null) => Fixed(fraction * 100, other * 100) + "%";

    /// <summary>A number already in percent ("15.0%").</summary>
    public static string PercentValue(double percent, double? other = null) => Fixed(percent, other) + "%";

    /// <summary>A plain number with up to three decimals ("0.85", "120").</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A count ("1,000" is not used: logs are read by tools too).</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, plural unless the count is one ("1 file", "2 files", "0 coverable new lines").</summary>
    public static string Count(long value, string noun) => Count(value) + " " + (value == 1 ? noun : noun + "s");

    /// <summary>": a, b, c and 4 more" for the first <paramref name="named"/> of <paramref name="total"/>; empty when none is named.</summary>
    public static string Named(IEnumerable<string> named, int count, long total) =>
        count == 0 ? string.Empty : ": " + string.Join(", ", named) + (total > count ? $" and {Count(total - count)} more" : string.Empty);

    private static string Fixed(double value, double? other)
    {
        for (var decimals = 1; decimals < 4; decimals++)
        {
            var text = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
            if (other is null || value == other || text != other.Value.ToString("F" + decimals, CultureInfo.InvariantCulture))
            {
                return text;
            }
        }

        return value.ToString("F4", CultureInfo.InvariantCulture);
    }
}
