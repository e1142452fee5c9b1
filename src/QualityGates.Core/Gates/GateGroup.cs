namespace QualityGates.Gates;

/// <summary>The groups of checks a run can select; a group not selected produces no checks at all.</summary>
[Flags]
public enum GateGroup
{
    None = 0,
    Tests = 1,
    Coverage = 2,
    Model = 4,
    Security = 8,
    All = Tests | Coverage | Model | Security,
}
