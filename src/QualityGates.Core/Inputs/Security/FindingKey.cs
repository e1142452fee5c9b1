using System.Globalization;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Identities under which findings are de-duplicated. A package finding is the same advisory on the
/// same package name and installed version, whichever scanner, project, target framework, result or
/// file reported it. Findings without a package (SARIF results, secrets, misconfigurations) are the
/// same only when rule, location and message all agree. Parts are compared ignoring case.
/// </summary>
internal static class FindingKey
{
    private const char Separator = '\u001f';

    public static string Package(string advisoryId, string packageName, string installedVersion) =>
        Join("package", advisoryId, packageName, installedVersion);

    public static string SarifResult(string ruleId, string uri, int line, string message) =>
        Join("sarif", ruleId, uri, line.ToString(CultureInfo.InvariantCulture), message);

    public static string TrivySecret(string resource, string target, string ruleId, int line) =>
        Join("secret", resource, target, ruleId, line.ToString(CultureInfo.InvariantCulture));

    public static string TrivyMisconfiguration(string resource, string target, string checkId, int line, string message) =>
        Join("misconfiguration", resource, target, checkId, line.ToString(CultureInfo.InvariantCulture), message);

    private static string Join(params string[] parts) => string.Join(Separator, parts).ToUpperInvariant();
}
