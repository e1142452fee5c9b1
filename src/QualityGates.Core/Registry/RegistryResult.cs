using QualityGates.Errors;

namespace QualityGates.Registry;

/// <summary>A query's answer and the registry lines skipped to give it (empty when every line was sound).</summary>
internal sealed record RegistryResult<T>(T Value, IReadOnlyList<RegistryWarning> Warnings);

/// <summary>A registry line that was skipped (torn, corrupt, duplicated), with where it is and why.</summary>
internal sealed record RegistryWarning(string File, int Line, string Message)
{
    public string Code => ErrorCodes.RegistryLineCorrupt;
}
