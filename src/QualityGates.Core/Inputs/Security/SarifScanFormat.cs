using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// SARIF 2.1.0 from any tool (CodeQL, semgrep, grype, Trivy, dependency-check, ...). Each result
/// counts once in the bucket <see cref="SarifSeverity"/> gives it, except: a result whose
/// <c>kind</c> is not <c>fail</c> (pass, open, review, ...), and a suppressed result (non-empty
/// <c>suppressions</c>, none of them <c>underReview</c> or <c>rejected</c>).
/// </summary>
internal sealed class SarifScanFormat : ISecurityScanFormat
{
    public string Name => "sarif";

    public bool Recognizes(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("runs", out _)
        && (root.TryGetProperty("version", out _) || root.TryGetProperty("$schema", out _));

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        CheckVersion(root);
        string? tool = null;
        string? timestamp = null;
        foreach (var run in root.Required("runs").Items())
        {
            var rules = SarifRuleTable.For(run);
            tool ??= run.Required("tool").Required("driver").Optional("name")?.AsString();
            timestamp ??= run.OptionalItems("invocations").Select(invocation => invocation.Optional("startTimeUtc")?.AsString()).FirstOrDefault(time => time is not null);
            foreach (var result in run.OptionalItems("results"))
            {
                ReadResult(result, rules, tally);
            }
        }

        return new ScanOrigin(tool, timestamp);
    }

    private static void ReadResult(JsonCursor result, SarifRuleTable rules, FindingTally tally)
    {
        result.ExpectObject();
        var kind = result.Optional("kind")?.AsString();
        if ((kind is not null && kind != "fail") || IsSuppressed(result))
        {
            return;
        }

        var rule = rules.RuleOf(result);
        if (SarifSeverity.Of(result, rule) is not { } severity)
        {
            return;
        }

        // SARIF has no package identity. Rule, place and message together tell one finding from
        // another: Trivy and grype SARIF put every package of an image at the same place, and only
        // the message names the package.
        var location = result.OptionalItems("locations").Select(l => l.Optional("physicalLocation")).FirstOrDefault(p => p is not null);
        var uri = location?.Optional("artifactLocation")?.Optional("uri")?.AsString() ?? string.Empty;
        var line = location?.Optional("region")?.Optional("startLine")?.AsCount() ?? 0;
        var message = result.Optional("message") is { } m
            ? m.Optional("text")?.AsString() ?? m.Optional("id")?.AsString() ?? string.Empty
            : string.Empty;
        tally.Add(severity, FindingKey.SarifResult(SarifRuleTable.RuleIdOf(result, rule), uri, line, message));
    }

    private static bool IsSuppressed(JsonCursor result)
    {
        var suppressions = result.OptionalItems("suppressions").ToList();
        return suppressions.Count > 0
            && suppressions.All(s => s.Optional("status")?.AsString() is null or "accepted");
    }

    private static void CheckVersion(JsonCursor root)
    {
        if (root.Optional("version") is { } version)
        {
            if (version.AsString() != "2.1.0")
            {
                throw version.Error(ErrorCodes.WrongFileKind, $"SARIF version '{version.AsString()}' is not supported; this reader knows 2.1.0.");
            }
        }
        else if (root.Required("$schema") is var schema && !schema.AsString().Contains("2.1.0", StringComparison.Ordinal))
        {
            throw schema.Error(ErrorCodes.WrongFileKind, $"SARIF schema '{schema.AsString()}' is not 2.1.0, the version this reader knows.");
        }
    }
}
