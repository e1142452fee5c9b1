using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Gates;

/// <summary>The whole result of one gate run: what was judged, against what, and the verdict.</summary>
internal sealed record QualityGateReport
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

    /// <summary>
    /// The coded warnings of the run that made this report (<see cref="Running.GateRun"/>), in the order it
    /// printed them: a project judged alone (QG0019), the inputs' (QG0021, QG5010, a solution's projects'),
    /// a throwing event handler (QG5004), the warning band and waivers (QG2018, QG2021, QG2019, QG2020),
    /// tolerated failed tests (QG2013) and new code outside the coverage (QG2022). Paths are shown as the
    /// report shows input files. Empty for a report made by the gate alone; see <see cref="AllWarnings"/>.
    /// </summary>
    public IReadOnlyList<GateDiagnostic> RunWarnings { get; init; } = [];

    /// <summary>
    /// What the report files list as warnings: <see cref="RunWarnings"/>, then each of <see cref="Warnings"/>
    /// they do not already hold (as QG5004), so a report made by the gate alone still shows its handler failures.
    /// </summary>
    public IReadOnlyList<GateDiagnostic> AllWarnings
    {
        get
        {
            var handlers = Warnings.Select(w => GateDiagnostic.Warning(ErrorCodes.EventHandlerFailed, w)).Where(w => !RunWarnings.Contains(w)).ToList();
            return handlers.Count == 0 ? RunWarnings : [.. RunWarnings, .. handlers];
        }
    }

    /// <summary>Each waiver of the run's context and what became of it (applied, unused, expired); empty without a waivers file.</summary>
    public IReadOnlyList<Waivers.WaiverOutcome> Waivers { get; init; } = [];
    /// <summary>
    /// In a solution report (QualityGatesScope Solution or Both), one row per test project whose results
    /// were merged into <see cref="Inputs"/>, in project order; empty for a project's own report.
    /// </summary>
    public IReadOnlyList<SolutionProject> Projects { get; init; } = Array.Empty<SolutionProject>();

    public string ContextName => DeploymentContexts.NameOf(Context);

    /// <summary>True when no check failed (skipped checks do not block).</summary>
    public bool AllPassed => Checks.All(c => c.Status != GateStatus.Failed);

    public IReadOnlyList<GateCheckResult> FailedChecks => Checks.Where(c => c.Status == GateStatus.Failed).ToList();
}
