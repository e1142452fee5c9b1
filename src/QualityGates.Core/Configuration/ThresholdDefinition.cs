namespace QualityGates.Configuration;

/// <summary>One overridable threshold: its name, what it accepts, and how it is applied to a set.</summary>
public sealed class ThresholdDefinition
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

    /// <summary>The largest value accepted for a <see cref="ThresholdKind.Count"/>, or null for no bound but the type's.</summary>
    public int? Maximum { get; init; }

    internal GateThresholds Apply(GateThresholds thresholds, double value) => _apply(thresholds, value);
}

/// <summary>What values a threshold accepts.</summary>
public enum ThresholdKind
{
    /// <summary>A fraction from 0 to 1 (0.95 = 95 %).</summary>
    Fraction,
    /// <summary>A number of zero or more, with no upper bound (a latency increase of 2.0 = 200 %).</summary>
    NonNegativeNumber,
    /// <summary>A whole number of zero or more.</summary>
    Count,
}
