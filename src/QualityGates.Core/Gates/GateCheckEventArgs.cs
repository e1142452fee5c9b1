namespace QualityGates.Gates;

/// <summary>Carries one check's result to <see cref="QualityGate.GatePassed"/> and <see cref="QualityGate.GateFailed"/> handlers.</summary>
public sealed class GateCheckEventArgs : EventArgs
{
    public GateCheckEventArgs(GateCheckResult result) => Result = result;

    public GateCheckResult Result { get; }
}
