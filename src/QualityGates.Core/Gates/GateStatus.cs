namespace QualityGates.Gates;

/// <summary>The outcome of one check.</summary>
public enum GateStatus
{
    Passed,
    Failed,
    /// <summary>The check's input was not given (and strict mode is off), so nothing was judged.</summary>
    Skipped,
}
