using System.Globalization;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Identities under which findings are de-duplicated. A package finding is the same advisory on the
/// same package name and installed version, whichever scanner, project, target framework, result or
/// file reported it. Findings without a package (secrets, misconfigurations) are the same only when rule,
/// location and message all agree; SARIF results as <see cref="SarifFingerprint"/> and <see cref="SarifResult"/>
/// say. Parts are compared ignoring case.
/// </summary>
internal static class FindingKey
{
    private const char Separator = '\u001f';

    public static string Package(string advisoryId, string packageName, string installedVersion) =>
        Join("package", advisoryId, packageName, installedVersion);

    /// <summary>A SARIF result the producer fingerprinted (SARIF 2.1.0 §3.27.16): two results sharing a fingerprint are one result.</summary>
    public static string SarifFingerprint(string ruleId, string name, string value) =>
        Join("sarif-fingerprint", ruleId, name, value);

    /// <summary>
    /// A SARIF result without fingerprints: rule, message, everything that locates it (every location's artifact
    /// and full region, and its logical locations) and the producer's partial fingerprints (§3.27.17).
    /// </summary>
    public static string SarifResult(string ruleId, string message, string locations, string partialFingerprints) =>
        Join("sarif", ruleId, message, locations, partialFingerprints);

    public static string TrivySecret(string resource, string target, string ruleId, int line) =>
        Join("secret", resource, target, ruleId, line.ToString(CultureInfo.InvariantCulture));

    public static string TrivyMisconfiguration(string resource, string target, string checkId, int line, string message) =>
        Join("misconfiguration", resource, target, checkId, line.ToString(CultureInfo.InvariantCulture), message);

    private static string Join(params string[] parts) => string.Join(Separator, parts).ToUpperInvariant();
}
