using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Waivers;

namespace QualityGates.Running;

/// <summary>
/// Settings to options: the context, its thresholds with the user's overrides, the warning levels and the
/// waivers become the <see cref="GateOptions"/> the gate judges with. Every bad value is one coded error.
/// </summary>
internal static class GateOptionsReader
{
    /// <summary>The options, or null when the context is bad; each mistake goes to <paramref name="errors"/>.</summary>
    public static GateOptions? Read(GateRunRequest request, DiagnosticBag errors, TimeProvider time)
    {
        DeploymentContext? context = null;
        errors.Attempt(() => context = DeploymentContexts.Parse(string.IsNullOrWhiteSpace(request.Context) ? GateRunRequest.DefaultContext : request.Context, request.ContextSource));

        // Overrides are validated even when the context is bad, so one run reports every mistake.
        var thresholds = GateThresholds.For(context ?? DeploymentContext.Staging);
        foreach (var item in request.Overrides)
        {
            errors.Attempt(() => thresholds = ThresholdCatalog.Apply(thresholds, item.Name, item.Value, item.Source));
        }

        string SourceOf(string name) => request.Overrides.LastOrDefault(o => o.Name == name && !string.IsNullOrWhiteSpace(o.Value))?.Source
            ?? $"the {(context is { } c ? DeploymentContexts.NameOf(c) : "default")} {request.Names.Of(SettingsCatalogue.ForThresholdNamed(name))}";
        errors.AddRange(WarningLevels.Check(thresholds, SourceOf));
        var waivers = context is { } judged ? WaiverLoader.Load(request.ForWaivers(), judged, thresholds.MaxWaiverDays, SourceOf("MaxWaiverDays"), time, errors) : null;

        return context is { } valid
            ? new GateOptions(valid, thresholds)
            {
                Strict = request.Strict, Groups = request.Groups, FailOnAnyTestFailure = request.FailOnAnyTestFailure, AllowAbortedRun = request.AllowAbortedRun,
                Waivers = waivers, NewCode = request.NewCode is not null, Ratchet = request.Ratchet is not null, CoverageStat = request.CoverageStat,
                Benchmarks = request.Benchmarks is not null,
                Names = request.Names,
            }
            : null;
    }
}
