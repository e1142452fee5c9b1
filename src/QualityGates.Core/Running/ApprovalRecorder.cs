using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Registry;

namespace QualityGates.Running;

/// <summary>Approve-on-pass: approves a passed run from its report, records a blocked one.</summary>
internal sealed class ApprovalRecorder(ApprovalRegistry registry, string? approvedBy)
{
    /// <summary>
    /// Checks, before anything is judged, that the run can be recorded: a model (QG0005) that can be a registry
    /// file name (QG3004). Null without approve-on-pass, or with an error in <paramref name="errors"/>.
    /// </summary>
    public static ApprovalRecorder? Prepare(RegistryOptions? options, ModelIdentity? model, string baseDirectory, Func<string, string?> environment, DiagnosticBag errors)
    {
        if (options is null)
        {
            return null;
        }

        if (model is null)
        {
            errors.Add(new QualityGatesException(ErrorCodes.InvalidModelIdentity,
                $"{options.Source} needs the model's name and version, to know what to approve; none was given."));
            return null;
        }

        return errors.Attempt(() =>
        {
            var folder = RegistryLocation.Resolve(options.Folder, environment, baseDirectory);
            var registry = new ApprovalRegistry(folder, environment: environment);
            registry.FileFor(model.Name);
            return new ApprovalRecorder(registry, string.IsNullOrWhiteSpace(options.ApprovedBy) ? null : options.ApprovedBy.Trim());
        });
    }

    /// <summary>The record written, or null with the reason in <paramref name="diagnostics"/>.</summary>
    public RegistryRecord? Record(QualityGateReport report, string? reportFile, DiagnosticBag diagnostics)
    {
        try
        {
            return report.AllPassed
                ? registry.ApproveFromReport(report, approvedBy, notes: null, reportFile)
                : registry.RecordBlocked(report, reportFile, approvedBy);
        }
        catch (QualityGatesException ex) when (ex.Code == ErrorCodes.ReportDidNotPass && report.AllPassed)
        {
            // The gate passed without judging anything: no evidence to approve, but the verdict is the gate's.
            diagnostics.Add(new GateDiagnostic(DiagnosticSeverity.Warning, ex.Code, ex.Message + " Nothing was approved.", ex.File));
            return null;
        }
        catch (QualityGatesException ex)
        {
            diagnostics.Add(ex);
            return null;
        }
    }
}
