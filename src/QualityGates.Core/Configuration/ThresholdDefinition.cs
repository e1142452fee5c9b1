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

    /// <summary>The name without prefix, e.g. <c>MinTestPassRate</c> (MSBuild: <c>QualityGatesMinTestPassRate</c>).</summary>
    public string Name { get; }

    public ThresholdKind Kind { get; }

    /// <summary>A short description for help texts.</summary>
    public string Meaning { get; }

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
