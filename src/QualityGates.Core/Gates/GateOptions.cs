using QualityGates.Configuration;
using QualityGates.Configuration.Settings;

namespace QualityGates.Gates;

/// <summary>How a gate runs: context, thresholds, strictness and which groups of checks.</summary>
internal sealed record GateOptions
{
    public GateOptions(DeploymentContext context, GateThresholds? thresholds = null)
    {
        Context = context;
        Thresholds = thresholds ?? GateThresholds.For(context);
    }

    public DeploymentContext Context { get; init; }
    public GateThresholds Thresholds { get; init; }
    /// <summary>
    /// True: a check whose input is missing fails instead of being skipped; false: it is skipped;
    /// null (the default): the context decides, see <see cref="RequiresInputs"/>.
    /// </summary>
    public bool? Strict { get; init; }

    /// <summary>
    /// Whether a missing input fails its check: <see cref="Strict"/> when set, otherwise true only in
    /// production, which fails closed (a production gate must never pass on data nobody collected).
    /// </summary>
    public bool RequiresInputs => Strict ?? Context == DeploymentContext.Production;
    public GateGroup Groups { get; init; } = GateGroup.All;
    /// <summary>
    /// When true, a test run its producer marks as aborted (<see cref="Metrics.TestRunSummary.Aborted"/>) is judged
    /// on the results it has; by default such a partial run fails <c>tests.pass_rate</c> (QG2001).
    /// </summary>
    public bool AllowAbortedRun { get; init; }
    /// <summary>When true, the <c>tests.any_failure</c> check runs: one failed test (or an aborted run) blocks.</summary>
    public bool FailOnAnyTestFailure { get; init; }
    /// <summary>When true, the <c>coverage.new_code</c> check runs on the change since the merge base.</summary>
    public bool NewCode { get; init; }
    /// <summary>When true (benchmark files were named), the <c>benchmarks.*</c> checks run, in the <see cref="GateGroup.Benchmarks"/> group.</summary>
    public bool Benchmarks { get; init; }
    /// <summary>When true, the <c>ratchet.*</c> checks compare line coverage, branch coverage and pass rate with the baseline.</summary>
    public bool Ratchet { get; init; }
    /// <summary>The waivers and the day they are judged on; null for none.</summary>
    public Waivers.WaiverSet? Waivers { get; init; }
    /// <summary>Whether every assembly must meet the coverage minimum too (<see cref="CoverageStat.Minimum"/>), or only the total (the default).</summary>
    public CoverageStat CoverageStat { get; init; }
    /// <summary>How messages name settings in the mode that is running.</summary>
    public SettingNames Names { get; init; } = SettingNames.For(Adapter.MSBuild);
    /// <summary>The context's name as shown in messages ("production").</summary>
    public string ContextName => DeploymentContexts.NameOf(Context);
}

/// <summary>The groups of checks a run can select; a group not selected produces no checks at all.</summary>
[Flags]
internal enum GateGroup
{
    None = 0,
    Tests = 1,
    Coverage = 2,
    Model = 4,
    Security = 8,
    /// <summary>benchmarks.time and benchmarks.allocated; they run only when benchmark files are named (<see cref="GateOptions.Benchmarks"/>).</summary>
    Benchmarks = 16,
    All = Tests | Coverage | Model | Security | Benchmarks,
}
