using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Waivers;

namespace QualityGates.Running;

/// <summary>The coded warnings of the warning tier and of waivers, in the order adapters print them; none changes the verdict.</summary>
internal static class WaiverDiagnostics
{
    /// <summary>QG2018 per check in its warning band, QG2021 per waived check, then QG2019 per expired and QG2020 per unused waiver of the context.</summary>
    public static IEnumerable<GateDiagnostic> For(QualityGateReport report)
    {
        foreach (var check in report.Checks.Where(c => c.Status is GateStatus.Warning or GateStatus.Waived))
        {
            yield return new GateDiagnostic(DiagnosticSeverity.Warning, check.Code ?? string.Empty, check.Message, Gate: check.Gate);
        }

        foreach (var outcome in report.Waivers.Where(o => o.State != WaiverState.Applied))
        {
            var waiver = outcome.Waiver;
            yield return outcome.State == WaiverState.Expired
                ? new GateDiagnostic(DiagnosticSeverity.Warning, ErrorCodes.WaiverExpired,
                    $"The waiver of {waiver.Target} owned by {waiver.Owner} expired on {waiver.ExpiresText} ({waiver.Reason}); it waives nothing any more: {waiver.Owner} should fix the cause or renew it.",
                    waiver.File, waiver.Line)
                : new GateDiagnostic(DiagnosticSeverity.Warning, ErrorCodes.WaiverUnused,
                    $"The waiver of {waiver.Target} owned by {waiver.Owner} matched no failed check and no finding in the {report.ContextName} run; remove it if it is no longer needed.",
                    waiver.File, waiver.Line);
        }
    }
}
