using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// SARIF 2.1.0 from any tool (CodeQL, semgrep, grype, Trivy, dependency-check, ...). Each result counts
/// once in the bucket <see cref="SarifSeverity"/> gives it, unless a field the spec defines says it is not
/// a live finding (<see cref="IsLiveFinding"/>). A run that says its tool did not complete
/// (<see cref="CheckRunCompleted"/>) fails the read with QG1013: its results are not the whole story.
/// </summary>
internal sealed class SarifScanFormat : ISecurityScanFormat
{
    public string Name => "sarif";

    public bool Recognizes(JsonCursor root) => root.Contains("runs") && (root.Contains("version") || root.Contains("$schema"));

    public ScanOrigin Read(JsonCursor root, FindingTally tally)
    {
        CheckVersion(root);
        var tools = new List<string>();
        string? timestamp = null;
        foreach (var run in root.Required("runs").Items())
        {
            var rules = SarifRuleTable.For(run);
            // Each run is one tool's (§3.14.6): its findings are credited to that tool, not to the file's first.
            var tool = run.Required("tool").Required("driver").Optional("name")?.AsString();
            if (tool is not null && !tools.Contains(tool, StringComparer.OrdinalIgnoreCase))
            {
                tools.Add(tool);
            }

            tally.ScanTool = tool;
            timestamp ??= run.OptionalItems("invocations").Select(invocation => invocation.Optional("startTimeUtc")?.AsString()).FirstOrDefault(time => time is not null);
            CheckRunCompleted(run);
            foreach (var result in run.OptionalItems("results"))
            {
                ReadResult(result, rules, tally);
            }
        }

        return new ScanOrigin(tools.FirstOrDefault(), timestamp) { Tools = tools };
    }

    private static void ReadResult(JsonCursor result, SarifRuleTable rules, FindingTally tally)
    {
        result.ExpectObject();
        if (!IsLiveFinding(result))
        {
            return;
        }

        var rule = rules.RuleOf(result);
        if (SarifSeverity.Of(result, rule) is not { } severity)
        {
            return;
        }

        var location = result.OptionalItems("locations").Select(l => l.Optional("physicalLocation")).FirstOrDefault(p => p is not null);
        var uri = location?.Optional("artifactLocation")?.Optional("uri")?.AsString() ?? string.Empty;
        var line = location?.Optional("region")?.Optional("startLine")?.AsCount() ?? 0;
        // Results on one line are told apart by their column: shown when it is not the first (§3.30.5's default).
        var column = line > 0 && location?.Optional("region")?.Optional("startColumn") is { Kind: JsonValueKind.Number } c && c.AsCount() > 1 ? c.AsCount() : 0;
        var message = result.Optional("message") is { } m
            ? m.Optional("text")?.AsString() ?? m.Optional("id")?.AsString() ?? string.Empty
            : string.Empty;
        var ruleId = SarifRuleTable.RuleIdOf(result, rule);
        tally.AddResult(severity, SarifResultIdentity.Of(result, ruleId, message), ruleId, Aliases(ruleId, rule),
            FindingDetails.At("result", ruleId, uri, line, message, column));
    }

    /// <summary>
    /// CVE and GHSA ids in the rule id (grype writes <c>CVE-…-package</c>), the rule's name and its
    /// <c>properties.tags</c> (SARIF §3.8: a property bag; GitHub code scanning reads tags), for waivers.
    /// </summary>
    private static IEnumerable<string> Aliases(string ruleId, SarifRule? rule) =>
        AdvisoryIds.In(ruleId).Concat(rule?.AdvisoryIds ?? []).Distinct();

    /// <summary>
    /// SARIF 2.1.0 (OASIS, 27 March 2020) fields that take a result out of the count:
    /// <list type="bullet">
    /// <item>§3.27.9 <c>kind</c>: only <c>fail</c> (the default when absent) is a problem; <c>pass</c>,
    /// <c>notApplicable</c>, <c>informational</c>, <c>review</c> and <c>open</c> are not findings.</item>
    /// <item>§3.27.24 <c>baselineState</c>: <c>absent</c> means the result was in the baseline and is not in
    /// this run, a fixed finding; <c>new</c>, <c>unchanged</c> and <c>updated</c> are live.</item>
    /// <item>§3.27.23 / §3.35.3 <c>suppressions</c>: suppressed when the array is non-empty and no entry has
    /// <c>status</c> <c>underReview</c> or <c>rejected</c> (an entry with no status is <c>accepted</c>).</item>
    /// </list>
    /// </summary>
    private static bool IsLiveFinding(JsonCursor result)
    {
        if (result.Optional("kind")?.AsString() is { } kind && kind != "fail")
        {
            return false;
        }

        if (result.Optional("baselineState")?.AsString() == "absent")
        {
            return false;
        }

        var suppressions = result.OptionalItems("suppressions").ToList();
        return suppressions.Count == 0
            || suppressions.Any(s => s.Optional("status")?.AsString() is "underReview" or "rejected");
    }

    /// <summary>
    /// Throws QG1013 when a run says its tool did not complete: an invocation with
    /// <c>executionSuccessful: false</c> (§3.20.14), a <c>toolExecutionNotifications</c> entry of level
    /// <c>error</c> (§3.20.21, §3.58.6), or <c>results: null</c> (§3.14.23: null means the tool failed to
    /// produce results; an empty array means it found nothing). Counting such a run could pass a gate on
    /// missing data.
    /// </summary>
    private static void CheckRunCompleted(JsonCursor run)
    {
        foreach (var invocation in run.OptionalItems("invocations"))
        {
            if (invocation.Optional("executionSuccessful") is { Kind: JsonValueKind.False } failed)
            {
                var exit = invocation.Optional("exitCode") is { Kind: JsonValueKind.Number } code ? $" (exit code {code.RawText})" : string.Empty;
                throw failed.Error(ErrorCodes.ScanReportedError, $"the SARIF run says its tool did not complete: executionSuccessful is false{exit}.");
            }

            foreach (var notification in invocation.OptionalItems("toolExecutionNotifications"))
            {
                if (notification.Optional("level")?.AsString() == "error")
                {
                    var text = notification.Optional("message")?.Optional("text")?.AsString() ?? "(no message)";
                    throw notification.Error(ErrorCodes.ScanReportedError, $"the SARIF tool reported an error while running: {text}");
                }
            }
        }

        if (run.Contains("results") && !run.Has("results"))
        {
            throw run.Error(ErrorCodes.ScanReportedError, "the SARIF run has \"results\": null, which says the tool failed to produce results.");
        }
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
