namespace QualityGates.Running;

/// <summary>
/// One threshold override as the user wrote it. <see cref="Name"/> is the catalog name
/// (<c>MinTestPassRate</c>); <see cref="Source"/> is what the user called it
/// (<c>QualityGatesMinTestPassRate</c>, <c>--min-test-pass-rate</c>), so errors name it.
/// </summary>
public sealed record ThresholdOverride(string Name, string? Value, string Source);
