using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Registry.Deployment;

/// <summary>
/// Deployment control on top of the registry: whether a version may be deployed to a context and why
/// not, recording deployments and rollbacks (append-only, like every record), and which version is
/// deployed where, derived from those records.
/// </summary>
internal sealed class DeploymentController
{
    public DeploymentController(ApprovalRegistry registry, DeploymentPolicy? policy = null)
    {
        Registry = registry;
        Policy = policy ?? DeploymentPolicy.Default;
    }

    public ApprovalRegistry Registry { get; }
    public DeploymentPolicy Policy { get; }

    /// <summary>Yes when the latest decision for the context is an approval and the policy holds; otherwise no, with the reason.</summary>
    public RegistryResult<DeploymentDecision> CanDeploy(ModelIdentity model, DeploymentContext context)
    {
        model = ApprovalRegistry.Checked(model);
        var (ledger, warnings) = Registry.ReadLedger(model.Name);
        return new(new DeploymentJudge(ledger, Policy).Judge(model, context), warnings);
    }

    /// <summary>
    /// Records a deployment of the version to a target; refused (QG3006, with the reason) when <see cref="CanDeploy"/>
    /// says no. The check and the record are one step of the store: a reject, block or rollback by another
    /// writer lands either before it (and the deployment is refused) or after it, never in between.
    /// </summary>
    public RegistryRecord Deploy(ModelIdentity model, DeploymentContext context, string target, string? deployedBy = null, string? notes = null)
    {
        var checkedTarget = RegistryText.Name(target, "The deployment target");
        var checkedNotes = RegistryText.Notes(notes, "The notes");
        var checkedModel = ApprovalRegistry.Checked(model);
        return Registry.AppendChecked(checkedModel, ledger =>
        {
            var decision = new DeploymentJudge(ledger, Policy).Judge(checkedModel, context);
            if (!decision.Allowed)
            {
                throw new QualityGatesException(ErrorCodes.DeploymentNotAllowed, $"{checkedModel} cannot be deployed to {decision.ContextName}: {decision.Reason}");
            }

            return Registry.NewRecord(RegistryRecordKind.Deployed, checkedModel, context, deployedBy, "deployed by") with
            {
                Target = checkedTarget,
                Notes = checkedNotes,
            };
        });
    }

    /// <summary>
    /// Records a rollback of a deployed version, on one target or (target null) all targets of the
    /// context. The version then counts as not approved for the context, and the version deployed before
    /// it is current again. Refused (QG3007) when the version was never deployed there.
    /// </summary>
    public RegistryRecord Rollback(ModelIdentity model, DeploymentContext context, string reason, string? target = null, string? rolledBackBy = null)
    {
        var checkedReason = RegistryText.Reason(reason, "The rollback reason");
        var checkedTarget = string.IsNullOrWhiteSpace(target) ? null : RegistryText.Name(target, "The deployment target");
        var checkedModel = ApprovalRegistry.Checked(model);
        return Registry.AppendChecked(checkedModel, ledger =>
        {
            if (!ledger.WasDeployed(checkedModel.Version, context, checkedTarget))
            {
                var where = checkedTarget is null ? DeploymentContexts.NameOf(context) : $"{DeploymentContexts.NameOf(context)} target '{checkedTarget}'";
                throw new QualityGatesException(ErrorCodes.NothingToRollBack,
                    $"{checkedModel} was never deployed to {where}, so there is nothing to roll back; to stop it being deployed, reject it instead.");
            }

            return Registry.NewRecord(RegistryRecordKind.RolledBack, checkedModel, context, rolledBackBy, "rolled back by") with
            {
                Reason = checkedReason,
                Target = checkedTarget,
            };
        });
    }

    /// <summary>The version deployed on each context and target of the model, as the records say.</summary>
    public RegistryResult<IReadOnlyList<CurrentDeployment>> GetCurrentDeployments(string modelName)
    {
        var (ledger, warnings) = Registry.ReadLedger(modelName);
        return new(ledger.CurrentDeployments(), warnings);
    }
}

/// <summary>The version deployed to a target in a context, as the records say, and the deployment record.</summary>
internal sealed record CurrentDeployment(DeploymentContext Context, string Target, string Version, RegistryRecord Deployment)
{
    public string ContextName => DeploymentContexts.NameOf(Context);
}
