using QualityGates.Configuration;
using QualityGates.Registry.Deployment;

namespace QualityGates.Registry;

/// <summary>
/// Answers questions about one model from its records in file order; "later" always means further down
/// the file, since timestamps from different machines may disagree.
/// </summary>
internal sealed class ModelLedger(IReadOnlyList<RegistryRecord> records)
{
    public IReadOnlyList<RegistryRecord> Records => records;

    public bool HasAnyRecord(string version) => records.Any(r => IsVersion(r, version));

    /// <summary>The index of the latest decision about the version in the context, or -1.</summary>
    public int LatestDecisionIndex(string version, DeploymentContext context)
    {
        for (var i = records.Count - 1; i >= 0; i--)
        {
            if (records[i].IsDecision && records[i].Context == context && IsVersion(records[i], version))
            {
                return i;
            }
        }

        return -1;
    }

    public RegistryRecord? LatestDecision(string version, DeploymentContext context) =>
        LatestDecisionIndex(version, context) is var i and >= 0 ? records[i] : null;

    /// <summary>True when the version was approved for the context somewhere before <paramref name="index"/>.</summary>
    public bool ApprovedBefore(string version, DeploymentContext context, int index) =>
        records.Take(index).Any(r => r.Kind == RegistryRecordKind.Approved && r.Context == context && IsVersion(r, version));

    /// <summary>The version's latest gate run in the context: a blocked run, or an approval from a passing report; null when it has none.</summary>
    public RegistryRecord? LatestGateRun(string version, DeploymentContext context) =>
        records.LastOrDefault(r => r.IsGateRun && r.Context == context && IsVersion(r, version));

    public IReadOnlyList<ContextStatus> Status(string version) =>
        Enum.GetValues<DeploymentContext>().Select(c => new ContextStatus(c, LatestDecision(version, c))).ToList();

    /// <summary>Versions whose latest decision in the context is an approval, newest approval first.</summary>
    public IReadOnlyList<ApprovedVersion> ApprovedVersions(DeploymentContext context) => records
        .Select((record, index) => (Record: record, Index: index))
        .Where(r => r.Record.IsDecision && r.Record.Context == context)
        .GroupBy(r => r.Record.Model.Version, StringComparer.Ordinal)
        .Select(g => g.Last())
        .Where(r => r.Record.Kind == RegistryRecordKind.Approved)
        .OrderByDescending(r => r.Index)
        .Select(r => new ApprovedVersion(r.Record.Model.Version, r.Record))
        .ToList();

    public bool WasDeployed(string version, DeploymentContext context, string? target) => records.Any(r =>
        r.Kind == RegistryRecordKind.Deployed && r.Context == context && IsVersion(r, version) && (target is null || IsTarget(r, target)));

    /// <summary>
    /// The version on each target: the latest deployment there whose version was not rolled back after
    /// it. Rolling back a version uncovers the deployment before it, as a real rollback would.
    /// </summary>
    public IReadOnlyList<CurrentDeployment> CurrentDeployments()
    {
        var stacks = new List<(DeploymentContext Context, string Target, List<RegistryRecord> Deployments)>();
        foreach (var record in records)
        {
            if (record.Kind == RegistryRecordKind.Deployed)
            {
                var stack = stacks.FirstOrDefault(s => s.Context == record.Context && IsTarget(record, s.Target));
                if (stack.Deployments is null)
                {
                    stack = (record.Context, record.Target!, []);
                    stacks.Add(stack);
                }

                stack.Deployments.Add(record);
            }
            else if (record.Kind == RegistryRecordKind.RolledBack)
            {
                foreach (var stack in stacks.Where(s => s.Context == record.Context && (record.Target is null || IsTarget(record, s.Target))))
                {
                    stack.Deployments.RemoveAll(d => IsVersion(d, record.Model.Version));
                }
            }
        }

        return stacks
            .Where(s => s.Deployments.Count > 0)
            .Select(s => new CurrentDeployment(s.Context, s.Target, s.Deployments[^1].Model.Version, s.Deployments[^1]))
            .OrderBy(d => d.Context)
            .ThenBy(d => d.Target, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsVersion(RegistryRecord record, string version) => string.Equals(record.Model.Version, version, StringComparison.Ordinal);

    private static bool IsTarget(RegistryRecord record, string target) => string.Equals(record.Target, target, StringComparison.Ordinal);
}

/// <summary>A version approved for a context, with the approval that is in effect.</summary>
internal sealed record ApprovedVersion(string Version, RegistryRecord Approval);
