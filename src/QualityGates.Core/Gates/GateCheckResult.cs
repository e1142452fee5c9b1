namespace QualityGates.Gates;

/// <summary>
/// The result of one check: its stable gate name, status, measured value and threshold (in the
/// threshold's own unit: fractions for rates, percent for memory, counts for vulnerabilities), a
/// message a person understands, and the <c>QG2xxx</c> code (set only when the check failed).
/// </summary>
public sealed record GateCheckResult(
    string Gate,
    GateStatus Status,
    double? Value,
    double? Threshold,
    string Message,
    string? Code = null)
{
    public bool Passed => Status == GateStatus.Passed;
    public bool Failed => Status == GateStatus.Failed;
    public bool Skipped => Status == GateStatus.Skipped;
}

/// <summary>The outcome of one check.</summary>
public enum GateStatus
{
    Passed,
    Failed,
    /// <summary>The check's input was not given (and strict mode is off), so nothing was judged.</summary>
    Skipped,
}
