namespace QualityGates.Registry;

/// <summary>A version approved for a context, with the approval that is in effect.</summary>
public sealed record ApprovedVersion(string Version, RegistryRecord Approval);
