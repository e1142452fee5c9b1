using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// grype JSON (<c>grype -o json</c>): <c>matches[]</c>, each with <c>vulnerability.id</c>,
/// <c>vulnerability.severity</c> (may be missing) and the matched <c>artifact</c> (name, version).
/// <c>ignoredMatches</c> do not count.
/// </summary>
internal sealed class GrypeScanFormat : ISecurityScanFormat
{
    public string Name => "grype";

    public bool Recognizes(JsonCursor root) => root.Contains("matches") && (root.Contains("descriptor") || root.Contains("source"));

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        foreach (var match in root.Required("matches").Items())
        {
            var vulnerability = match.Required("vulnerability");
            var artifact = match.Required("artifact");
            var key = FindingKey.Package(
                vulnerability.Required("id").AsString(),
                artifact.Required("name").AsString(),
                artifact.Optional("version")?.AsString() ?? string.Empty);
            tally.Add(SeverityOf(vulnerability), key);
        }

        var descriptor = root.Optional("descriptor");
        return new ScanOrigin(
            descriptor?.Optional("name")?.AsString() ?? "grype",
            descriptor?.Optional("timestamp")?.AsString());
    }

    /// <summary>
    /// Critical, High, Medium, Low; Negligible is Low (a real but negligible risk, reported and not
    /// gated like Low); Unknown, a missing severity or any other word is Unknown.
    /// </summary>
    private static FindingSeverity SeverityOf(JsonCursor vulnerability) =>
        vulnerability.Optional("severity")?.AsString().ToUpperInvariant() switch
        {
            "CRITICAL" => FindingSeverity.Critical,
            "HIGH" => FindingSeverity.High,
            "MEDIUM" => FindingSeverity.Medium,
            "LOW" or "NEGLIGIBLE" => FindingSeverity.Low,
            _ => FindingSeverity.Unknown,
        };
}
