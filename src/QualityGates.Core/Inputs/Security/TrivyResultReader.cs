using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// One Trivy result (one scanned target): its <c>Vulnerabilities</c>, its <c>Secrets</c> and its
/// <c>Misconfigurations</c>. A misconfiguration counts when its <c>Status</c> is <c>FAIL</c> or
/// absent (Trivy lists only failures unless asked for passes); PASS and EXCEPTION do not count. A
/// vulnerability counts unless its <c>Status</c> is <c>not_affected</c>.
/// </summary>
internal static class TrivyResultReader
{
    public static void Read(JsonCursor result, string resource, FindingTally tally)
    {
        result.ExpectObject();
        var target = result.Optional("Target")?.AsString() ?? string.Empty;

        foreach (var vulnerability in result.OptionalItems("Vulnerabilities"))
        {
            // Trivy's Status (pkg/types, from the vendor advisory): every status but not_affected says the
            // installed version is or may be vulnerable (fixed = fixed in a later version, will_not_fix,
            // fix_deferred, end_of_life, affected, under_investigation, unknown). not_affected is the vendor
            // saying this package is not vulnerable here, like SARIF's kind "notApplicable".
            if (string.Equals(vulnerability.Optional("Status")?.AsString(), "not_affected", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = vulnerability.Required("VulnerabilityID").AsString();
            var package = vulnerability.Required("PkgName").AsString();
            var version = vulnerability.Optional("InstalledVersion")?.AsString() ?? string.Empty;
            tally.AddPackage(SeverityOf(vulnerability), id, Aliases(vulnerability), package, version, vulnerability.Optional("FixedVersion")?.AsString());
        }

        foreach (var secret in result.OptionalItems("Secrets"))
        {
            var rule = secret.Optional("RuleID")?.AsString() ?? string.Empty;
            var line = secret.Optional("StartLine")?.AsCount() ?? 0;
            tally.Add(SeverityOf(secret), FindingKey.TrivySecret(resource, target, rule, line),
                FindingDetails.At("secret", rule, Place(resource, target), line, secret.Optional("Title")?.AsString()));
        }

        foreach (var misconfiguration in result.OptionalItems("Misconfigurations"))
        {
            var status = misconfiguration.Optional("Status")?.AsString();
            if (status is not null && !string.Equals(status, "FAIL", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var check = misconfiguration.Optional("ID")?.AsString() ?? misconfiguration.Optional("AVDID")?.AsString() ?? string.Empty;
            var line = misconfiguration.Optional("CauseMetadata")?.Optional("StartLine")?.AsCount() ?? 0;
            var message = misconfiguration.Optional("Message")?.AsString() ?? string.Empty;
            tally.Add(SeverityOf(misconfiguration), FindingKey.TrivyMisconfiguration(resource, target, check, line, message),
                FindingDetails.At("misconfiguration", check, Place(resource, target), line, message));
        }
    }

    /// <summary>"namespace/Kind/name: target" for a cluster resource, the target alone otherwise.</summary>
    private static string Place(string resource, string target) =>
        resource.Length == 0 ? target : target.Length == 0 ? resource : $"{resource}: {target}";

    /// <summary>
    /// The CVE and GHSA ids Trivy gives besides <c>VulnerabilityID</c>: in <c>VendorIDs</c>, and as the advisory
    /// pages among <c>References</c> (a GHSA finding links its CVE's NVD page, a CVE finding its GHSA page).
    /// </summary>
    /// Optional data: an entry that is not a string is passed over, never an error.
    private static IEnumerable<string> Aliases(JsonCursor vulnerability) =>
        Strings(vulnerability, "VendorIDs").Where(AdvisoryIds.IsAdvisoryId)
            .Concat(Strings(vulnerability, "References").Select(AdvisoryIds.OfAdvisoryPage).OfType<string>());

    private static IEnumerable<string> Strings(JsonCursor parent, string name) =>
        parent.Optional(name) is { Kind: System.Text.Json.JsonValueKind.Array } array
            ? array.Items().Where(i => i.Kind == System.Text.Json.JsonValueKind.String).Select(i => i.AsString())
            : [];

    /// <summary>CRITICAL, HIGH, MEDIUM, LOW; UNKNOWN, a missing Severity or any other word is Unknown.</summary>
    private static FindingSeverity SeverityOf(JsonCursor finding) =>
        finding.Optional("Severity")?.AsString().ToUpperInvariant() switch
        {
            "CRITICAL" => FindingSeverity.Critical,
            "HIGH" => FindingSeverity.High,
            "MEDIUM" => FindingSeverity.Medium,
            "LOW" => FindingSeverity.Low,
            _ => FindingSeverity.Unknown,
        };
}
