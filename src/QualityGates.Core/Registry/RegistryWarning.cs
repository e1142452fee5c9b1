using QualityGates.Errors;

namespace QualityGates.Registry;

/// <summary>A registry line that was skipped (torn, corrupt, duplicated), with where it is and why.</summary>
public sealed record RegistryWarning(string File, int Line, string Message)
{
    public string Code => ErrorCodes.RegistryLineCorrupt;
}
