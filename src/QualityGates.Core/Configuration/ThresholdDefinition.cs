namespace QualityGates.Configuration;

/// <summary>One overridable threshold: its name, what it accepts, and how it is applied to a set.</summary>
internal sealed class ThresholdDefinition
{
    private readonly Func<GateThresholds, double, GateThresholds> _apply;

    internal ThresholdDefinition(string name, ThresholdKind kind, string meaning, Func<GateThresholds, double, GateThresholds> apply)
    {
        Name = name;
        Kind = kind;
        Meaning = meaning;
        _apply = apply;
    }

    /// <summary>The engine's name, e.g. <c>MinTestPassRate</c>: the <see cref="GateThresholds"/> field it sets.</summary>
    public string Name { get; }

    /// <summary>
    /// The name users write, without prefix (MSBuild <c>QualityGates&lt;SettingName&gt;</c>, CLI <c>--&lt;kebab-name&gt;</c>);
    /// <see cref="Name"/> unless a clearer one was chosen (<c>MinLineCoverage</c> for <c>MinCodeCoverage</c>).
    /// </summary>
    public string SettingName { get => _settingName ?? Name; init => _settingName = value; }

    private readonly string? _settingName;

    /// <summary>An older name users may still write (with a deprecation warning), or null.</summary>
    public string? DeprecatedName { get; init; }

    public ThresholdKind Kind { get; }

    /// <summary>A short description for help texts.</summary>
    public string Meaning { get; }

    /// <summary>The unit of the value users write, for help texts and the settings reference.</summary>
    public string Unit
    {
        get => _unit ?? Kind switch
        {
            ThresholdKind.Fraction => "fraction 0–1 (0.95 = 95 %)",
            ThresholdKind.Count => Maximum is { } max ? $"whole number, 0 to {max}" : "whole number, 0 or more",
            _ => "number, 0 or more",
        };
        init => _unit = value;
    }

    private readonly string? _unit;

    /// <summary>
    /// The engine's value for a value users write: the value times this (100 for a setting written as a
    /// fraction whose engine field is in percent). The deprecated name, when there is one, is in the engine's unit.
    /// </summary>
    public double SettingScale { get; init; } = 1;

    /// <summary>A value written for the setting, in the engine's unit (<see cref="SettingScale"/>).</summary>
    public string ToEngine(string text) => Scale(text, SettingScale);

    /// <summary>A value written under the deprecated name (in the engine's unit), in the setting's unit.</summary>
    public string FromEngine(string text) => Scale(text, 1 / SettingScale);

    /// <summary>Scales a number as written; text that is not a number is left for the threshold's own check to refuse.</summary>
    private static string Scale(string text, double factor) =>
        factor != 1 && double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            // Rounded: 0.15 × 100 is 15.000000000000002 in binary floating point.
            ? Math.Round(value * factor, 12).ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)
            : text;

    /// <summary>The largest value accepted for a <see cref="ThresholdKind.Count"/>, or null for no bound but the type's.</summary>
    public int? Maximum { get; init; }

    internal GateThresholds Apply(GateThresholds thresholds, double value) => _apply(thresholds, value);
}

/// <summary>What values a threshold accepts.</summary>
internal enum ThresholdKind
{
    /// <summary>A fraction from 0 to 1 (0.95 = 95 %).</summary>
    Fraction,
    /// <summary>A number of zero or more, with no upper bound (a latency increase of 2.0 = 200 %).</summary>
    NonNegativeNumber,
    /// <summary>A whole number of zero or more.</summary>
    Count,
}
