namespace QualityGates.Registry.Deployment;

/// <summary>Why a version may or may not be deployed to a context.</summary>
internal enum DeploymentVerdict
{
    /// <summary>Approved for the context (and, for production, for staging before).</summary>
    Allowed,
    /// <summary>The registry holds no record of the version at all.</summary>
    NeverGated,
    /// <summary>The version has records, but no decision for this context.</summary>
    NotApproved,
    /// <summary>The latest decision for the context is a rejection.</summary>
    Rejected,
    /// <summary>The latest decision for the context is a failed gate run.</summary>
    Blocked,
    /// <summary>The latest decision for the context is a rollback.</summary>
    RolledBack,
    /// <summary>Approved for production without a standing, earlier staging approval.</summary>
    PromotionOrder,
}
