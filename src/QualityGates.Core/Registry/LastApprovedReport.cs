using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Metrics;

namespace QualityGates.Registry;

/// <summary>
/// The JSON gate report of the registry's last approval of a model for a context (the approval furthest down
/// the model's registry file that carries a report): what the ratchet and the benchmark gates compare a run
/// with when no baseline is named.
/// </summary>
internal static class LastApprovedReport
{
    /// <summary>
    /// The report file and how messages name it ("the last approval of veran 6.1 for staging, 2026-01-02 10:00 UTC"),
    /// or null and why there is none (no approval with a report yet, or its report is gone).
    /// </summary>
    /// <exception cref="Errors.QualityGatesException">QG3xxx when the registry cannot be read.</exception>
    public static (string? File, string Source, string? Missing) Find(string? registrySetting, ModelIdentity model, DeploymentContext context, Func<string, string?> environment, string baseDirectory)
    {
        var registry = new ApprovalRegistry(RegistryLocation.Resolve(registrySetting, environment, baseDirectory), environment: environment);
        var approval = registry.GetHistory(model.Name).Value
            .LastOrDefault(r => r.Kind == RegistryRecordKind.Approved && r.Context == context && r.Report?.File is not null);
        var contextName = DeploymentContexts.NameOf(context);
        if (approval is null)
        {
            return (null, string.Empty, $"the registry ({registry.Location}) has no approval of {model.Name} for {contextName} with a report yet");
        }

        var file = approval.Report!.File!;
        var source = $"the last approval of {model.Name} {approval.Model.Version} for {contextName}, {approval.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        return File.Exists(file) ? (file, source, null) : (null, source, $"{source} names the report '{file}', which no longer exists");
    }
}
