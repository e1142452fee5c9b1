using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Running;

/// <summary>Everything a gate run needs, as the user gave it: raw settings and file arguments.</summary>
public sealed record GateRunRequest
{
    /// <summary>The context as written; null or empty means <see cref="DefaultContext"/>.</summary>
    public string? Context { get; init; }

    /// <summary>What the user calls the context setting, for errors (<c>QualityGatesContext</c>, <c>--context</c>).</summary>
    public string ContextSource { get; init; } = "context";

    public IReadOnlyList<ThresholdOverride> Overrides { get; init; } = [];
    /// <summary>Fail checks whose input is missing: true, false, or null for the context's default (only production fails closed).</summary>
    public bool? Strict { get; init; }
    public GateGroup Groups { get; init; } = GateGroup.All;
    public ModelIdentity? Model { get; init; }

    /// <summary>Relative paths and globs resolve against this folder.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>TRX files or globs.</summary>
    public IReadOnlyList<string> TestResultFiles { get; init; } = [];

    /// <summary>Cobertura files or globs.</summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];

    /// <summary>Security scan files or globs (format detected from content).</summary>
    public IReadOnlyList<string> SecurityScanFiles { get; init; } = [];

    public string? TestMetricsFile { get; init; }
    public string? ModelMetricsFile { get; init; }
    public string? BaselineFile { get; init; }

    /// <summary>The context used when none is given: staging, whose thresholds are the default set.</summary>
    public const string DefaultContext = "staging";
}

/// <summary>
/// One threshold override as the user wrote it. <see cref="Name"/> is the catalog name
/// (<c>MinTestPassRate</c>); <see cref="Source"/> is what the user called it
/// (<c>QualityGatesMinTestPassRate</c>, <c>--min-test-pass-rate</c>), so errors name it.
/// </summary>
public sealed record ThresholdOverride(string Name, string? Value, string Source);
