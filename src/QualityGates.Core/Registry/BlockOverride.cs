using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// A hand approval never silently overrides a failed gate. When a version's latest gate run in a context
/// (a blocked run, or an approval from a passing report) was blocked, approving it there by hand, or from a
/// saved report no newer than that run, is refused (QG3030) unless it is made as an override with a reason;
/// the reason is kept in the record, so the history, the status and <c>can-deploy</c> show the override. An
/// override where nothing is blocked is refused too (QG3031): it would record an override that overrode nothing.
/// Approve-on-pass approves the run it just judged, which is the latest gate run, so it is never affected.
/// </summary>
internal static class BlockOverride
{
    /// <summary>Throws QG3030 or QG3031 when the approval and its override (or lack of one) do not fit the records.</summary>
    /// <param name="ledger">The model's records, read in the same step as the approval is appended.</param>
    /// <param name="model">The version approved.</param>
    /// <param name="context">The context it is approved for.</param>
    /// <param name="overrideReason">Why a block is overridden, or null for a plain approval.</param>
    /// <param name="report">The saved report approved from, or null for a hand approval.</param>
    public static void Check(ModelLedger ledger, ModelIdentity model, DeploymentContext context, string? overrideReason, ReportReference? report)
    {
        var name = DeploymentContexts.NameOf(context);
        var run = ledger.LatestGateRun(model.Version, context);

        // A saved report newer than the blocked run is a later gate run of its own, and overrides nothing.
        var blocked = run is { Kind: RegistryRecordKind.Blocked } && (report is null || report.Timestamp <= (run.Report?.Timestamp ?? run.Timestamp)) ? run : null;
        if (blocked is not null && overrideReason is null)
        {
            var approving = report is null
                ? "Approving it by hand"
                : $"The report {report.File} ({ProductJson.Timestamp(report.Timestamp)}) is not newer than that run, so approving from it";
            throw new QualityGatesException(ErrorCodes.ApprovalOverBlockedRun,
                $"{model} was blocked by its latest {name} gate run (recorded by {blocked.By} at {ProductJson.Timestamp(blocked.Timestamp)}): {blocked.Reason}. {approving} would override that block. Gate it again and approve the passing run, or make the override on record: approve --override-block --reason \"why\".");
        }

        if (blocked is null && overrideReason is not null)
        {
            var state = run is null ? "it has no gate run there"
                : run.Kind == RegistryRecordKind.Blocked ? "the report is newer than its blocked gate run there, so it is a passing run of its own"
                : $"its latest gate run there passed (approved by {run.By} at {ProductJson.Timestamp(run.Timestamp)})";
            throw new QualityGatesException(ErrorCodes.NothingToOverride,
                $"{model} has no blocked gate run to override in {name}: {state}. Approve it without --override-block.");
        }
    }
}
