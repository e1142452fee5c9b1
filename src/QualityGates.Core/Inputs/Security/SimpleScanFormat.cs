using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// The seed's <c>SecurityScanResults</c> JSON: counts per severity (each optional, 0 when absent,
/// a whole non-negative number), <c>scan_tool</c> and <c>scan_timestamp</c>. It names no findings,
/// so its counts are added as they are, never de-duplicated.
/// </summary>
internal sealed class SimpleScanFormat : ISecurityScanFormat
{
    private static readonly (string Field, FindingSeverity Severity)[] CountFields =
    [
        ("critical_vulnerabilities", FindingSeverity.Critical),
        ("high_vulnerabilities", FindingSeverity.High),
        ("medium_vulnerabilities", FindingSeverity.Medium),
        ("low_vulnerabilities", FindingSeverity.Low),
    ];

    public string Name => "simple";

    public bool Recognizes(JsonCursor root) => CountFields.Any(count => root.Contains(count.Field));

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        foreach (var (field, severity) in CountFields)
        {
            tally.AddCount(severity, root.Optional(field)?.AsCount() ?? 0);
        }

        return new ScanOrigin(root.Optional("scan_tool")?.AsString(), root.Optional("scan_timestamp")?.AsString());
    }
}
