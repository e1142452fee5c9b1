using System.Text.Json.Serialization;
using QualityGates.Metrics;
using QualityGates.Waivers;

namespace QualityGates.Reports;

/// <summary>
/// One waiver in the JSON report (per waived check, per waived finding, and the top-level <c>waivers</c>):
/// <c>{ "gate" | "advisory", "package", "version", "owner", "reason", "expires" (yyyy-MM-dd), "file" (relative
/// to the repository root when under it), "line", "state"? (applied, unused, expired) }</c>. A gate waiver has
/// no advisory, package or version members, so the two kinds are two records.
/// </summary>
[JsonDerivedType(typeof(JsonGateWaiver))]
[JsonDerivedType(typeof(JsonAdvisoryWaiver))]
internal abstract class JsonWaiver(Waiver waiver, WaiverState? state)
{
    [JsonPropertyOrder(1)]
    public string Owner => waiver.Owner;

    [JsonPropertyOrder(1)]
    public string Reason => waiver.Reason;

    [JsonPropertyOrder(1)]
    public string Expires => waiver.ExpiresText;

    [JsonPropertyOrder(1)]
    public string File => waiver.DisplayFile.Length > 0 ? waiver.DisplayFile : waiver.File;

    [JsonPropertyOrder(1)]
    public int Line => waiver.Line;

    /// <summary>Only in the top-level <c>waivers</c> array.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State => state?.ToString().ToLowerInvariant();

    protected Waiver Waiver => waiver;

    public static JsonWaiver Of(Waiver waiver, WaiverState? state = null) =>
        waiver.Gate is not null ? new JsonGateWaiver(waiver, state) : new JsonAdvisoryWaiver(waiver, state);
}

internal sealed class JsonGateWaiver(Waiver waiver, WaiverState? state) : JsonWaiver(waiver, state)
{
    public string? Gate => Waiver.Gate;
}

internal sealed class JsonAdvisoryWaiver(Waiver waiver, WaiverState? state) : JsonWaiver(waiver, state)
{
    public string? Advisory => Waiver.Advisory;
    public string? Package => Waiver.Package;
    public string? Version => Waiver.Version;
}

/// <summary>What identifies a security finding in the report: <c>{ "advisory", "aliases", "package", "version", "severity", … }</c>.</summary>
internal abstract class JsonFinding(SecurityFinding finding)
{
    [JsonPropertyOrder(-1)]
    public string Advisory => finding.Advisory;

    [JsonPropertyOrder(-1)]
    public IReadOnlyList<string> Aliases => finding.Aliases;

    [JsonPropertyOrder(-1)]
    public string? Package => finding.Package;

    [JsonPropertyOrder(-1)]
    public string? Version => finding.Version;

    [JsonPropertyOrder(-1)]
    public string Severity => finding.Severity;

    protected SecurityFinding Finding => finding;
}

/// <summary>A counted finding the report names, with where it was found.</summary>
internal sealed class JsonListedFinding(SecurityFinding finding) : JsonFinding(finding)
{
    public string Kind => Finding.Kind;
    public string? FixedVersion => Finding.FixedVersion;
    public string? ScanFile => Finding.ScanFile;
    public string? Location => Finding.Location;
    public string? Message => Finding.Message;
}

/// <summary>A finding taken out of the counts, with the waiver that took it.</summary>
internal sealed class JsonWaivedFinding(WaivedFinding waived) : JsonFinding(waived.Finding)
{
    public JsonWaiver Waiver => JsonWaiver.Of(waived.Waiver);
}
