using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Registry.Deployment;

/// <summary>Works out a <see cref="DeploymentDecision"/> from a model's records and the policy, with a reason a person understands.</summary>
internal sealed class DeploymentJudge(ModelLedger ledger, DeploymentPolicy policy)
{
    public DeploymentDecision Judge(ModelIdentity model, DeploymentContext context)
    {
        var name = DeploymentContexts.NameOf(context);
        if (!ledger.HasAnyRecord(model.Version))
        {
            return new(model, context, DeploymentVerdict.NeverGated, $"{model} has no record in the registry: it was never gated or approved.", null);
        }

        var index = ledger.LatestDecisionIndex(model.Version, context);
        if (index < 0)
        {
            var elsewhere = ledger.Status(model.Version).Where(s => s.IsApproved).Select(s => s.ContextName).ToList();
            var note = elsewhere.Count > 0 ? $" (it is approved for {string.Join(" and ", elsewhere)})" : string.Empty;
            return new(model, context, DeploymentVerdict.NotApproved, $"{model} is not approved for {name}{note}.", null);
        }

        var decision = ledger.Records[index];
        return decision.Kind switch
        {
            RegistryRecordKind.Rejected => new(model, context, DeploymentVerdict.Rejected,
                $"{model} was rejected for {name}{(ledger.ApprovedBefore(model.Version, context, index) ? " after its approval" : string.Empty)}, by {When(decision)}: {decision.Reason}", decision),
            RegistryRecordKind.Blocked => new(model, context, DeploymentVerdict.Blocked,
                $"{model} was blocked by its latest {name} gate run (recorded by {When(decision)}): {decision.Reason}", decision),
            RegistryRecordKind.RolledBack => new(model, context, DeploymentVerdict.RolledBack,
                $"{model} was rolled back in {name} by {When(decision)}: {decision.Reason}; approve it again before deploying it.", decision),
            _ => JudgeApproved(model, context, index, decision),
        };
    }

    private DeploymentDecision JudgeApproved(ModelIdentity model, DeploymentContext context, int index, RegistryRecord approval)
    {
        var name = DeploymentContexts.NameOf(context);
        if (context == DeploymentContext.Production && policy.RequireStagingBeforeProduction)
        {
            var staging = ledger.LatestDecision(model.Version, DeploymentContext.Staging);
            if (staging?.Kind != RegistryRecordKind.Approved)
            {
                var state = staging is null ? "has no decision" : $"was {staging.KindName.Replace('-', ' ')} by {When(staging)}";
                return new(model, context, DeploymentVerdict.PromotionOrder,
                    $"{model} is approved for production, but production needs a standing staging approval of the same version first, and staging {state}.", approval);
            }

            if (!ledger.ApprovedBefore(model.Version, DeploymentContext.Staging, index))
            {
                return new(model, context, DeploymentVerdict.PromotionOrder,
                    $"{model} was approved for production ({When(approval)}) before staging approved it ({When(staging)}); approve it for production again now that staging has.", approval);
            }
        }

        var overriding = approval.Override is null ? "." : $", overriding its blocked gate run: {approval.Override}";
        return new(model, context, DeploymentVerdict.Allowed, $"{model} is approved for {name} by {When(approval)}{overriding}", approval);
    }

    private static string When(RegistryRecord record) => $"{record.By} at {ProductJson.Timestamp(record.Timestamp)}";
}

/// <summary>The rules a deployment must meet beyond an approval in its own context.</summary>
internal sealed record DeploymentPolicy
{
    /// <summary>
    /// Production needs an approval of the same version for staging that came before the production
    /// approval and still holds (on by default; turn off for products without a staging stage).
    /// </summary>
    public bool RequireStagingBeforeProduction { get; init; } = true;

    public static DeploymentPolicy Default { get; } = new();
}
