namespace QualityGates.Configuration;

/// <summary>The deployment context a gate runs in; each has a full set of thresholds.</summary>
public enum DeploymentContext
{
    Development,
    Staging,
    Production,
}
