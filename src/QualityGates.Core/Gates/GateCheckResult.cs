using QualityGates.Errors;
namespace QualityGates.Gates;

/// <summary>
/// The result of one check: its stable gate name, status, measured value and threshold (in the
/// threshold's own unit: fractions for rates, percent for memory, counts for vulnerabilities), a
/// message a person understands, and the <c>QGnnnn</c> code: the QG2xxx failure code when the check
/// failed, QG2018 for a warning, QG2021 for a waived failure, null when it passed or was skipped.
/// </summary>
internal sealed record GateCheckResult(
    string Gate,
    GateStatus Status,
    double? Value,
    double? Threshold,
    string Message,
    string? Code = null)
{
    /// <summary>The message, cut at <see cref="UntrustedText.MaxMessage"/> characters (it goes into every report).</summary>
    public string Message { get; init => field = UntrustedText.Cap(value, UntrustedText.MaxMessage); } = UntrustedText.Cap(Message, UntrustedText.MaxMessage);

    public bool Passed => Status == GateStatus.Passed;
    public bool Failed => Status == GateStatus.Failed;
    public bool Skipped => Status == GateStatus.Skipped;

    /// <summary>The warning level the value was judged against (same unit as <see cref="Threshold"/>), or null when none is set.</summary>
    public double? WarningLevel { get; init; }

    /// <summary>The waivers that turned this check's failure into <see cref="GateStatus.Waived"/>; empty otherwise.</summary>
    public IReadOnlyList<Waivers.Waiver> Waivers { get; init; } = [];
}

/// <summary>The outcome of one check. Only <see cref="Failed"/> blocks.</summary>
internal enum GateStatus
{
    Passed,
    Failed,
    /// <summary>The check's input was not given (and strict mode is off), so nothing was judged.</summary>
    Skipped,
    /// <summary>Passed, but the value lies between the warning level and the threshold (code QG2018).</summary>
    Warning,
    /// <summary>Failed, but an active waiver lets it through (code QG2021); the waiver's owner, reason and expiry are in <see cref="GateCheckResult.Waivers"/>.</summary>
    Waived,
}
