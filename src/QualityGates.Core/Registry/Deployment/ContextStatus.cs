using QualityGates.Configuration;

namespace QualityGates.Registry.Deployment;

/// <summary>Where a model version stands in one context: its latest decision, if any.</summary>
internal sealed record ContextStatus(DeploymentContext Context, RegistryRecord? LatestDecision)
{
    public string ContextName => DeploymentContexts.NameOf(Context);

    /// <summary>True when the latest decision is an approval (not later rejected, blocked or rolled back).</summary>
    public bool IsApproved => LatestDecision?.Kind == RegistryRecordKind.Approved;

    /// <summary>True when the approval in effect overrode a blocked gate run (<see cref="RegistryRecord.Override"/>).</summary>
    public bool IsOverride => IsApproved && LatestDecision!.Override is not null;

    /// <summary><c>approved</c>, <c>rejected</c>, <c>blocked</c>, <c>rolled-back</c>, or <c>none</c> when nothing was decided.</summary>
    public string StatusName => LatestDecision?.KindName ?? "none";
}
