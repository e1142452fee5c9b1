using System.Text.Json.Serialization;
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
