using QualityGates.Configuration;
using QualityGates.Metrics;
using QualityGates.Gates;

namespace QualityGates.Registry;

/// <summary>
/// One line of the registry: a decision about a model version in a context, or a deployment. Written
/// once and never changed; the order of the lines in the file, not the timestamps, says what came later.
/// </summary>
internal sealed record RegistryRecord
{
    /// <summary>A unique id (32 hex digits), so a copied or duplicated line can be told apart.</summary>
    public required string Id { get; init; }
    public required RegistryRecordKind Kind { get; init; }
    /// <summary>When it was recorded, in UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }
    public required ModelIdentity Model { get; init; }
    public required DeploymentContext Context { get; init; }
    /// <summary>Who approved, rejected, deployed or rolled back (for a blocked run: the build's user).</summary>
    public required string By { get; init; }
    public string? Notes { get; init; }
    /// <summary>Why it was rejected, blocked or rolled back.</summary>
    public string? Reason { get; init; }
    /// <summary>The deployment target (cluster, slot, host) of a deployment or a targeted rollback.</summary>
    public string? Target { get; init; }
    /// <summary>
    /// For an approval made although the version's latest gate run in the context was blocked: why the
    /// block was overridden (<c>approve --override-block --reason</c>). Null for every other record.
    /// </summary>
    public string? Override { get; init; }
    /// <summary>The gate report an approval or a blocked run came from, when there was one.</summary>
    public ReportReference? Report { get; init; }

    /// <summary>The registry file this record was read from or written to, or the database (<c>postgresql://user@host:port/db</c>).</summary>
    public string? File { get; init; }
    /// <summary>The 1-based line in <see cref="File"/>, or the record's number among its model's in a database; 0 for a record just written to a file.</summary>
    public int Line { get; init; }

    public string ContextName => DeploymentContexts.NameOf(Context);
    public string KindName => RegistryRecordKinds.NameOf(Kind);

    /// <summary>True for approvals, rejections, blocked runs and rollbacks: the records that decide whether a version may ship.</summary>
    public bool IsDecision => Kind != RegistryRecordKind.Deployed;

    /// <summary>True for the records of gate runs: a blocked run, or an approval from a passing report.</summary>
    public bool IsGateRun => Kind == RegistryRecordKind.Blocked || (Kind == RegistryRecordKind.Approved && Report is not null);
}

/// <summary>One check of the gate report behind a registry record: its gate name, status and failure code.</summary>
internal sealed record ReportCheckEntry(string Gate, GateStatus Status, string? Code = null);
