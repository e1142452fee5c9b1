using QualityGates.Configuration;

namespace QualityGates.Gates;

/// <summary>How a gate runs: context, thresholds, strictness and which groups of checks.</summary>
public sealed record GateOptions
{
    public GateOptions(DeploymentContext context, GateThresholds? thresholds = null)
    {
        Context = context;
        Thresholds = thresholds ?? GateThresholds.For(context);
    }

    public DeploymentContext Context { get; init; }
    public GateThresholds Thresholds { get; init; }
    /// <summary>When true, a check whose input is missing fails instead of being skipped.</summary>
    public bool Strict { get; init; }
    public GateGroup Groups { get; init; } = GateGroup.All;
    /// <summary>When true, the <c>tests.any_failure</c> check runs: one failed test (or an aborted run) blocks.</summary>
    public bool FailOnAnyTestFailure { get; init; }
    /// <summary>The context's name as shown in messages ("production").</summary>
    public string ContextName => DeploymentContexts.NameOf(Context);
}

/// <summary>The groups of checks a run can select; a group not selected produces no checks at all.</summary>
[Flags]
public enum GateGroup
{
    None = 0,
    Tests = 1,
    Coverage = 2,
    Model = 4,
    Security = 8,
    All = Tests | Coverage | Model | Security,
}
