using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>
/// The parts of a JSON report file that decide whether a model version may be approved: what was
/// gated, where, when, and the verdict with every check. Read by <see cref="JsonReportReader"/>.
/// </summary>
internal sealed record SavedGateReport
{
    /// <summary>The file it was read from.</summary>
    public required string SourceFile { get; init; }
    public required int SchemaVersion { get; init; }
    /// <summary>The model the report is about, or null when the run named none.</summary>
    public ModelIdentity? Model { get; init; }
    public required DeploymentContext Context { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public bool Strict { get; init; }
    public required bool AllPassed { get; init; }
    public IReadOnlyList<GateCheckResult> Checks { get; init; } = Array.Empty<GateCheckResult>();
    /// <summary>The report's <c>waivers</c> array; empty in reports written before it.</summary>
    public IReadOnlyList<ReportWaiverEntry> Waivers { get; init; } = [];

    public string ContextName => DeploymentContexts.NameOf(Context);
}

/// <summary>One waiver of a saved report, as the registry keeps it: what it waives ("gate coverage.line", "advisory CVE-2019-18224 in libidn2-0"), its owner, reason, expiry (yyyy-MM-dd) and state (applied, unused, expired).</summary>
internal sealed record ReportWaiverEntry(string Waives, string Owner, string Reason, string Expires, string State);
