using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Registry;

/// <summary>
/// Decides whether a gate report may approve a model version: it must name the model, match the
/// version and context asked for, have passed, and have judged at least one check.
/// </summary>
internal static class ReportApprovalRules
{
    /// <summary>
    /// The model the report approves; throws QG3003 or QG3002 with the reason when it may not.
    /// <c>reportFile</c> is null for a report that was never saved.
    /// </summary>
    public static ModelIdentity Check(
        string? reportFile,
        ModelIdentity? reportModel,
        DeploymentContext reportContext,
        IReadOnlyList<GateCheckResult> checks,
        ModelIdentity? expectedModel,
        DeploymentContext? expectedContext)
    {
        var report = Name(reportFile);
        reportModel = CheckNamed(reportFile, reportModel);

        if (expectedModel is not null && expectedModel != reportModel)
        {
            throw new QualityGatesException(ErrorCodes.ReportDoesNotMatch,
                $"{report} is for {reportModel}, not {expectedModel}; approve the version the report gated, or gate {expectedModel} first.",
                reportFile);
        }

        var contextName = DeploymentContexts.NameOf(reportContext);
        if (expectedContext is { } expected && expected != reportContext)
        {
            throw new QualityGatesException(ErrorCodes.ReportDoesNotMatch,
                $"{report} was run for {contextName}, not {DeploymentContexts.NameOf(expected)}; a report approves only the context whose thresholds it was judged by.",
                reportFile);
        }

        var failed = checks.Where(c => c.Status == GateStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new QualityGatesException(ErrorCodes.ReportDidNotPass,
                $"{report} did not pass: {failed.Count} of {checks.Count} checks failed ({string.Join(", ", failed.Select(c => c.Gate))}); a failing report cannot approve {reportModel} for {contextName}.",
                reportFile);
        }

        if (!checks.Any(c => c.Status is GateStatus.Passed or GateStatus.Warning or GateStatus.Waived))
        {
            throw new QualityGatesException(ErrorCodes.ReportDidNotPass,
                $"{report} judged no check ({checks.Count} checks, all skipped for lack of input), so it is no evidence to approve {reportModel} for {contextName}.",
                reportFile);
        }

        return reportModel;
    }

    /// <summary>The report's model; QG3003 when it names none, since records are kept per model.</summary>
    public static ModelIdentity CheckNamed(string? reportFile, ModelIdentity? reportModel) =>
        reportModel ?? throw new QualityGatesException(ErrorCodes.ReportDoesNotMatch,
            $"{Name(reportFile)} names no model, so the registry cannot record it; run the gate with the model named ({SettingNames.For(Adapter.Cli).ModelSettings}, or {SettingNames.For(Adapter.MSBuild).ModelSettings}).",
            reportFile);

    private static string Name(string? reportFile) => reportFile is null ? "The gate report" : $"Report '{reportFile}'";
}
