using System.Text.Json;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// grype JSON (<c>grype -o json</c>): <c>matches[]</c>, each with <c>vulnerability.id</c>,
/// <c>vulnerability.severity</c> (may be missing), the matched <c>artifact</c> (name, version) and
/// <c>relatedVulnerabilities[].id</c> (aliases).
/// <c>ignoredMatches</c> do not count.
/// </summary>
internal sealed class GrypeScanFormat : ISecurityScanFormat
{
    public string Name => "grype";

    public bool Recognizes(JsonCursor root) => root.Contains("matches") && (root.Contains("descriptor") || root.Contains("source"));

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        var descriptor = root.Optional("descriptor");
        tally.ScanTool = descriptor?.Optional("name")?.AsString() ?? "grype";
        foreach (var match in root.Required("matches").Items())
        {
            var vulnerability = match.Required("vulnerability");
            var artifact = match.Required("artifact");
            // relatedVulnerabilities: the same advisory in other namespaces (a GHSA match names its CVE).
            // Optional data: an entry without a string id is passed over, never an error.
            var aliases = (match.Optional("relatedVulnerabilities") is { Kind: JsonValueKind.Array } related ? related.Items() : [])
                .Select(r => r.Kind == JsonValueKind.Object && r.Optional("id") is { Kind: JsonValueKind.String } id ? id.AsString() : null)
                .OfType<string>()
                .Where(AdvisoryIds.IsAdvisoryId);
            tally.AddPackage(SeverityOf(vulnerability), vulnerability.Required("id").AsString(), aliases,
                artifact.Required("name").AsString(), artifact.Optional("version")?.AsString() ?? string.Empty, FixedVersions(vulnerability));
        }

        return new ScanOrigin(tally.ScanTool, descriptor?.Optional("timestamp")?.AsString());
    }

    /// <summary>grype's <c>fix.versions</c> joined with " or " (a fix in each of several release lines); null when none is given.</summary>
    /// Optional data: entries that are not strings are passed over, never an error.
    private static string? FixedVersions(JsonCursor vulnerability)
    {
        var versions = vulnerability.Optional("fix") is { Kind: JsonValueKind.Object } fix && fix.Optional("versions") is { Kind: JsonValueKind.Array } list
            ? list.Items().Where(v => v.Kind == JsonValueKind.String).Select(v => v.AsString()).ToList()
            : [];
        return versions.Count == 0 ? null : string.Join(" or ", versions);
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
