namespace QualityGates.Registry;

/// <summary>A query's answer and the registry lines skipped to give it (empty when every line was sound).</summary>
public sealed record RegistryResult<T>(T Value, IReadOnlyList<RegistryWarning> Warnings);
