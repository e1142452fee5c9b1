using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Gates;

/// <summary>The whole result of one gate run: what was judged, against what, and the verdict.</summary>
public sealed record QualityGateReport
{
    /// <summary>The model or product the report is about, when named.</summary>
    public ModelIdentity? Model { get; init; }
    public DeploymentContext Context { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    /// <summary>True when a missing input failed its check (strict mode, or production's default).</summary>
    public bool Strict { get; init; }
    /// <summary>
    /// The target framework of the leg this report judges (<c>net8.0</c>) when the project has several; null
    /// otherwise. <see cref="Reports.JUnitReportWriter"/> puts it into suite, class and case names.
    /// </summary>
    public string? TargetFramework { get; init; }
    public GateThresholds Thresholds { get; init; } = GateThresholds.Default;
    public GateInputs Inputs { get; init; } = new();
    public IReadOnlyList<GateCheckResult> Checks { get; init; } = Array.Empty<GateCheckResult>();
    /// <summary>Things a person should know that did not change the verdict (e.g. a throwing event handler).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>Each waiver of the run's context and what became of it (applied, unused, expired); empty without a waivers file.</summary>
    public IReadOnlyList<Waivers.WaiverOutcome> Waivers { get; init; } = [];

    public string ContextName => DeploymentContexts.NameOf(Context);

    /// <summary>True when no check failed (skipped checks do not block).</summary>
    public bool AllPassed => Checks.All(c => c.Status != GateStatus.Failed);

    public IReadOnlyList<GateCheckResult> FailedChecks => Checks.Where(c => c.Status == GateStatus.Failed).ToList();
}
