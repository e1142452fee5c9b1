using System.Text;
using System.Text.Json;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// When two SARIF results are one finding (SARIF 2.1.0, OASIS, 27 March 2020). Each result object is a result
/// (§3.27); two are the same only when the producer says so or when nothing tells them apart:
/// <list type="bullet">
/// <item>§3.27.16 <c>fingerprints</c>: each value is a stable, unique identifier of the result's logical identity,
/// so results that share one (same key, same value) are the same result, and a fingerprinted result is known by
/// its fingerprints alone — results whose fingerprints differ are different, wherever they are.</item>
/// <item>Otherwise rule, message and <b>everything that locates the result</b>: every <c>locations[]</c> entry
/// (§3.28) with its artifact (<c>uri</c>, <c>uriBaseId</c>, <c>index</c>, §3.4) and its full region (§3.30: start and
/// end line and column, char and byte offsets and lengths, the defaults of §3.30.5–§3.30.8 filled in, so
/// <c>startColumn</c> absent equals 1), and its logical locations (§3.33); and the <c>partialFingerprints</c>
/// (§3.27.17) the producer computed to tell results apart. Three results of one rule on one line at columns
/// 23, 41 and 59 are three findings (<c>cases/s08-sarif-same-line-three-columns</c>); one secret that gitleaks 7
/// reports once per commit, at the same place with the same message, is one.</item>
/// </list>
/// </summary>
internal static class SarifResultIdentity
{
    public static IReadOnlyList<string> Of(JsonCursor result, string ruleId, string message)
    {
        var fingerprints = StringProperties(result.Optional("fingerprints"));
        if (fingerprints.Count > 0)
        {
            return fingerprints.Select(f => FindingKey.SarifFingerprint(ruleId, f.Name, f.Value)).ToList();
        }

        var partial = string.Join('\u001e', StringProperties(result.Optional("partialFingerprints")).Select(f => f.Name + "=" + f.Value));
        return [FindingKey.SarifResult(ruleId, message, Locations(result), partial)];
    }

    private static string Locations(JsonCursor result)
    {
        var text = new StringBuilder();
        foreach (var location in result.OptionalItems("locations"))
        {
            text.Append('\u001e');
            if (location.Optional("physicalLocation") is { Kind: JsonValueKind.Object } physical)
            {
                if (physical.Optional("artifactLocation") is { Kind: JsonValueKind.Object } artifact)
                {
                    text.Append(Text(artifact, "uriBaseId")).Append('|').Append(Text(artifact, "uri")).Append('|').Append(Number(artifact, "index"));
                }

                text.Append('|').Append(Region(physical.Optional("region")));
            }

            foreach (var logical in location.OptionalItems("logicalLocations"))
            {
                text.Append('|').Append(Text(logical, "fullyQualifiedName") ?? Text(logical, "name")).Append('|').Append(Number(logical, "index"));
            }
        }

        return text.ToString();
    }

    /// <summary>A region with the spec's defaults filled in (§3.30.5–§3.30.8), so two ways of writing one region read alike.</summary>
    private static string Region(JsonCursor? region)
    {
        if (region is not { Kind: JsonValueKind.Object } r)
        {
            return string.Empty;
        }

        var startLine = Number(r, "startLine");
        var lines = startLine is null ? string.Empty : string.Join(',',
            startLine,
            Number(r, "startColumn") ?? "1",
            Number(r, "endLine") ?? startLine,
            Number(r, "endColumn") ?? "eol");
        return string.Join(',', lines,
            Number(r, "charOffset"), Number(r, "charLength") ?? (Number(r, "charOffset") is null ? null : "0"),
            Number(r, "byteOffset"), Number(r, "byteLength") ?? (Number(r, "byteOffset") is null ? null : "0"));
    }

    private static string? Text(JsonCursor parent, string name) =>
        parent.Optional(name) is { Kind: JsonValueKind.String } value ? value.AsString() : null;

    // As written: only equality matters here, and a value the spec calls "not set" (-1) must not fail the read.
    private static string? Number(JsonCursor parent, string name) =>
        parent.Optional(name) is { Kind: JsonValueKind.Number } value ? value.RawText : null;

    /// <summary>The string-valued properties of a property bag of strings, sorted by name; none when it is absent or not an object.</summary>
    private static List<(string Name, string Value)> StringProperties(JsonCursor? bag) =>
        bag is { Kind: JsonValueKind.Object } b
            ? b.PropertyNames.Select(n => (Name: n, Value: Text(b, n))).Where(p => p.Value is not null)
                .Select(p => (p.Name, p.Value!)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList()
            : [];
}
