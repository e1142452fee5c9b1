using QualityGates.Errors;

namespace QualityGates.Configuration;

/// <summary>
/// Reads an on/off setting (an MSBuild property, or the test-platform settings file written from one). Only <c>true</c> and <c>false</c> (any case) are accepted: a typo
/// such as <c>ture</c> or <c>yes</c> must not silently mean "off".
/// </summary>
internal static class SwitchSetting
{
    /// <summary>Parses <paramref name="value"/>; empty means <paramref name="whenEmpty"/>.</summary>
    /// <param name="value">The property value as written.</param>
    /// <param name="property">The MSBuild property name, for the error.</param>
    /// <param name="whenEmpty">The default for an unset property.</param>
    public static bool Parse(string? value, string property, bool whenEmpty) => ParseOptional(value, property) ?? whenEmpty;

    /// <summary>Parses <paramref name="value"/>; empty means null (the engine's own default applies).</summary>
    public static bool? ParseOptional(string? value, string property)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new QualityGatesException(ErrorCodes.InvalidBoolean,
            $"{property} is '{value}', but it must be 'true' or 'false'.");
    }
}
