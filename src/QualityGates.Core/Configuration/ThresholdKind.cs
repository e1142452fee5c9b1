namespace QualityGates.Configuration;

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
