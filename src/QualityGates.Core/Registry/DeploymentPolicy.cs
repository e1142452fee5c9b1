namespace QualityGates.Registry;

/// <summary>The rules a deployment must meet beyond an approval in its own context.</summary>
public sealed record DeploymentPolicy
{
    /// <summary>
    /// Production needs an approval of the same version for staging that came before the production
    /// approval and still holds (on by default; turn off for products without a staging stage).
    /// </summary>
    public bool RequireStagingBeforeProduction { get; init; } = true;

    public static DeploymentPolicy Default { get; } = new();
}
