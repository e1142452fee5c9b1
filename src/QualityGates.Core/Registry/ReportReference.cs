using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Registry;

/// <summary>
/// The gate report an approval (or a blocked run) was decided on: where it is, when it ran and how
/// each check came out, so the registry alone answers "approved on what evidence".
/// </summary>
internal sealed record ReportReference
{
    /// <summary>The report file (full path), or null when the report was never saved.</summary>
    public string? File { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public bool Strict { get; init; }
    public required bool AllPassed { get; init; }
    public IReadOnlyList<ReportCheckEntry> Checks { get; init; } = Array.Empty<ReportCheckEntry>();

    /// <summary>The waivers of the run's context and what became of them, so the audit trail shows what was waived when a version was approved.</summary>
    public IReadOnlyList<ReportWaiverEntry> Waivers { get; init; } = [];

    public int Passed => Checks.Count(c => c.Status == GateStatus.Passed);
    public int Failed => Checks.Count(c => c.Status == GateStatus.Failed);
    public int Skipped => Checks.Count(c => c.Status == GateStatus.Skipped);

    public static ReportReference From(QualityGateReport report, string? file) => new()
    {
        File = file is null ? null : Path.GetFullPath(file),
        Timestamp = report.Timestamp.ToUniversalTime(),
        Strict = report.Strict,
        AllPassed = report.AllPassed,
        Checks = Entries(report.Checks),
        Waivers = report.Waivers.Select(o => new ReportWaiverEntry(o.Waiver.Target, o.Waiver.Owner, o.Waiver.Reason, o.Waiver.ExpiresText, o.State.ToString().ToLowerInvariant())).ToList(),
    };

    public static ReportReference From(SavedGateReport report) => new()
    {
        File = Path.GetFullPath(report.SourceFile),
        Timestamp = report.Timestamp,
        Strict = report.Strict,
        AllPassed = report.AllPassed,
        Checks = Entries(report.Checks),
        Waivers = report.Waivers,
    };

    private static List<ReportCheckEntry> Entries(IEnumerable<GateCheckResult> checks) =>
        checks.Select(c => new ReportCheckEntry(c.Gate, c.Status, c.Code)).ToList();
}
