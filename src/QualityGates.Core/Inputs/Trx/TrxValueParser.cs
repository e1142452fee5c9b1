using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Inputs.Trx;

/// <summary>Parses TRX attribute values (durations, timestamps, counts) into numbers, or throws a coded error.</summary>
internal static class TrxValueParser
{
    /// <summary>A result's <c>duration</c> (<c>[d.]hh:mm:ss.fffffff</c>); a missing one is zero.</summary>
    public static TimeSpan Duration(string? value, string path, int line)
    {
        if (string.IsNullOrEmpty(value))
        {
            return TimeSpan.Zero;
        }

        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) || duration < TimeSpan.Zero)
        {
            throw OutOfRange(path, line, $"duration '{value}' is not a non-negative time span");
        }

        return duration;
    }

    /// <summary>A <c>Times</c> timestamp; one without an offset is taken as UTC so every machine reads it alike.</summary>
    public static DateTimeOffset Timestamp(string value, string attribute, string path, int line)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var timestamp))
        {
            throw OutOfRange(path, line, $"Times {attribute} '{value}' is not a date and time");
        }

        return timestamp;
    }

    /// <summary>A <c>Counters</c> attribute: a whole number of zero or more.</summary>
    public static int Count(string value, string attribute, string path, int line)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 0)
        {
            throw OutOfRange(path, line, $"Counters {attribute}=\"{value}\" is not a whole number of zero or more");
        }

        return count;
    }

    public static QualityGatesException OutOfRange(string path, int line, string what) =>
        new(ErrorCodes.InputValueOutOfRange, $"'{path}' (line {line}): {what}.", path, line);
}
