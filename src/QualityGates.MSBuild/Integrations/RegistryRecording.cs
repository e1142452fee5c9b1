using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.MSBuild.Logging;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;

namespace QualityGates.MSBuild.Integrations;

/// <summary>
/// <c>QualityGatesApproveOnPass</c>: after a passing gate the model version is approved for the context
/// in the registry, from the report just written; a blocked run is recorded as blocked. The registry
/// is the engine's <see cref="ApprovalRegistry"/>; this class only chooses the call and logs.
/// </summary>
internal sealed class RegistryRecording(ApprovalRegistry registry, string? approvedBy)
{
    public const string ApproveOnPassProperty = "QualityGatesApproveOnPass";

    /// <summary>The registry folder (full path) or database (<c>postgresql://user@host:port/db</c>, never a password), as logs show it.</summary>
    public string Location => registry.Location;

    /// <summary>
    /// Checks, before anything is judged, that the model can be recorded at all: a name and version
    /// (QG0005) that can be a registry file name (QG3004), and a usable registry setting (QG3023).
    /// </summary>
    public static RegistryRecording Prepare(string? registry, string? approvedBy, string? modelName, string? modelVersion,
        string projectDirectory, Func<string, string?> environment)
    {
        var model = ModelIdentity.Create(modelName ?? string.Empty, modelVersion ?? string.Empty,
            $"{ApproveOnPassProperty} needs QualityGatesModelName and QualityGatesModelVersion");
        var opened = new ApprovalRegistry(RegistryLocation.Resolve(registry, environment, projectDirectory), environment: environment);
        opened.FileFor(model.Name);
        return new RegistryRecording(opened, string.IsNullOrWhiteSpace(approvedBy) ? null : approvedBy);
    }

    /// <summary>Approves a passed run or records a blocked one. Refusals and registry failures are errors, except a run that judged nothing.</summary>
    public void Record(QualityGateReport report, string? reportFile, GateErrorLog errors, TaskLoggingHelper log, string? projectFile)
    {
        try
        {
            var record = report.AllPassed
                ? registry.ApproveFromReport(report, approvedBy, notes: null, reportFile)
                : registry.RecordBlocked(report, reportFile, approvedBy);
            log.LogMessage(MessageImportance.High, "Quality gates registry: {0} {1} {2} for {3} by {4} ({5})",
                record.Model.Name, record.Model.Version, RegistryRecordKinds.NameOf(record.Kind), report.ContextName, record.By, record.File);
        }
        catch (QualityGatesException ex) when (ex.Code == ErrorCodes.ReportDidNotPass && report.AllPassed)
        {
            // The gate passed without judging anything: no evidence to approve, but the verdict is the gate's.
            log.LogWarning(null, ex.Code, null, ex.File ?? projectFile, 0, 0, 0, 0, "{0} Nothing was approved.", ex.Message);
        }
        catch (QualityGatesException ex)
        {
            errors.Error(ex, projectFile);
        }
    }
}
