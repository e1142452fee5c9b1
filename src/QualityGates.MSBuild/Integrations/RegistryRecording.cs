using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Files;
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
internal sealed class RegistryRecording(string folder, string? approvedBy, Func<string, string?> environment)
{
    public const string ApproveOnPassProperty = "QualityGatesApproveOnPass";

    /// <summary>The registry folder (full path).</summary>
    public string Folder { get; } = folder;

    /// <summary>
    /// Checks, before anything is judged, that the model can be recorded at all: a name and version
    /// (QG0005) that can be a registry file name (QG3004).
    /// </summary>
    public static RegistryRecording Prepare(string? registry, string? approvedBy, string? modelName, string? modelVersion,
        string projectDirectory, Func<string, string?> environment)
    {
        var model = ModelIdentity.Create(modelName ?? string.Empty, modelVersion ?? string.Empty,
            $"{ApproveOnPassProperty} needs QualityGatesModelName and QualityGatesModelVersion");
        var folder = RegistryLocation.Resolve(registry, environment, projectDirectory);
        new ApprovalRegistry(folder, environment: environment).FileFor(model.Name);
        return new RegistryRecording(folder, string.IsNullOrWhiteSpace(approvedBy) ? null : approvedBy, environment);
    }

    /// <summary>Approves a passed run or records a blocked one. Refusals and registry failures are errors, except a run that judged nothing.</summary>
    public void Record(QualityGateReport report, string? reportFile, GateErrorLog errors, TaskLoggingHelper log, string? projectFile)
    {
        var registry = new ApprovalRegistry(Folder, environment: environment);
        try
        {
            var record = report.AllPassed
                ? registry.ApproveFromReport(report, approvedBy, notes: null, reportFile)
                : registry.RecordBlocked(report, reportFile, approvedBy);
            log.LogMessage(MessageImportance.High, "Quality gates registry: {0} {1} {2} for {3} by {4} ({5})",
                record.Model.Name, record.Model.Version, RegistryRecordKinds.NameOf(record.Kind), report.ContextName,
                ConsoleText.Neutralise(record.By), ConsoleText.Neutralise(record.File));
        }
        catch (QualityGatesException ex) when (ex.Code == ErrorCodes.ReportDidNotPass && report.AllPassed)
        {
            // The gate passed without judging anything: no evidence to approve, but the verdict is the gate's.
            log.LogWarning(null, ex.Code, null, TaskLogExtensions.Safe(ex.File ?? projectFile), 0, 0, 0, 0, "{0} Nothing was approved.", ConsoleText.Neutralise(ex.Message));
        }
        catch (QualityGatesException ex)
        {
            errors.Error(ex, projectFile);
        }
    }
}
