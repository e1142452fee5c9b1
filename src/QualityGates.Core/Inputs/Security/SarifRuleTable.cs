using System.Globalization;
using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// The rules of one SARIF run (the driver's and each extension's), and how a result points at its
/// rule: <c>rule.index</c> (in <c>rule.toolComponent.index</c>'s extension, else the driver),
/// else <c>ruleIndex</c>, else <c>ruleId</c> / <c>rule.id</c> looked up by id.
/// </summary>
internal sealed class SarifRuleTable
{
    private readonly string driverPath;
    private readonly SarifRule[] driverRules;
    private readonly SarifRule[][] extensionRules;
    private readonly Dictionary<string, SarifRule> rulesById = new(StringComparer.Ordinal);

    private SarifRuleTable(string driverPath, SarifRule[] driverRules, SarifRule[][] extensionRules)
    {
        this.driverPath = driverPath;
        this.driverRules = driverRules;
        this.extensionRules = extensionRules;
        foreach (var rule in driverRules.Concat(extensionRules.SelectMany(rules => rules)))
        {
            if (rule.Id is { } id)
            {
                rulesById.TryAdd(id, rule);
            }
        }
    }

    public static SarifRuleTable For(JsonCursor run)
    {
        var tool = run.Required("tool");
        var driver = tool.Required("driver");
        var extensions = tool.OptionalItems("extensions").Select(extension => RulesOf(extension)).ToArray();
        return new SarifRuleTable(driver.Path, RulesOf(driver), extensions);
    }

    /// <summary>The rule's id as the result names it, falling back to the rule's own id; empty when neither exists.</summary>
    public static string RuleIdOf(JsonCursor result, SarifRule? rule) =>
        result.Optional("ruleId")?.AsString()
        ?? result.Optional("rule")?.Optional("id")?.AsString()
        ?? rule?.Id
        ?? string.Empty;

    /// <summary>The rule object <paramref name="result"/> refers to, or null when it names none this run describes.</summary>
    public SarifRule? RuleOf(JsonCursor result)
    {
        var reference = result.Optional("rule");
        var indexField = reference?.Optional("index") ?? result.Optional("ruleIndex");
        if (indexField is { } field && AsIndex(field) is { } index)
        {
            var rules = RulesOfComponent(reference?.Optional("toolComponent")?.Optional("index"));
            return index < rules.Length
                ? rules[index]
                : throw field.OutOfRange(string.Create(CultureInfo.InvariantCulture,
                    $"{field.Path} is {index}, but the tool component it points into has {rules.Length} rules."));
        }

        var id = result.Optional("ruleId")?.AsString() ?? reference?.Optional("id")?.AsString();
        return id is not null && rulesById.TryGetValue(id, out var rule) ? rule : null;
    }

    private static SarifRule[] RulesOf(JsonCursor component) => component.OptionalItems("rules").Select(SarifRule.From).ToArray();

    private SarifRule[] RulesOfComponent(JsonCursor? componentIndexField)
    {
        if (componentIndexField is not { } field || AsIndex(field) is not { } component)
        {
            return driverRules;
        }

        return component < extensionRules.Length
            ? extensionRules[component]
            : throw field.OutOfRange(string.Create(CultureInfo.InvariantCulture,
                $"{field.Path} is {component}, but {driverPath} has {extensionRules.Length} extensions."));
    }

    /// <summary>A SARIF array index: whole and not below -1, where -1 (the spec's default) means "not given".</summary>
    private static int? AsIndex(JsonCursor field)
    {
        if (field.Kind == JsonValueKind.Number && field.Element.TryGetInt32(out var minusOne) && minusOne == -1)
        {
            return null;
        }

        return field.AsCount();
    }
}

/// <summary>
/// What a result's severity needs from a SARIF rule, copied out of it so the table does not hold the
/// rules' text (a Trivy rule carries its whole advisory). A field that cannot be read is an error only
/// when a result uses it, as when the rule itself was kept.
/// </summary>
internal sealed class SarifRule
{
    private readonly JsonCursor? score;
    private readonly JsonCursor? defaultLevel;
    private readonly QualityGatesException? scoreError;
    private readonly QualityGatesException? defaultLevelError;
    private readonly IReadOnlyList<string> advisoryIds;
    private readonly QualityGatesException? advisoryIdsError;

    private SarifRule(
        string? id,
        (JsonCursor? Value, QualityGatesException? Error) score,
        (JsonCursor? Value, QualityGatesException? Error) defaultLevel,
        (IReadOnlyList<string> Value, QualityGatesException? Error) advisoryIds)
    {
        Id = id;
        (this.score, scoreError) = score;
        (this.defaultLevel, defaultLevelError) = defaultLevel;
        (this.advisoryIds, advisoryIdsError) = advisoryIds;
    }

    public string? Id { get; }

    /// <summary>The rule's <c>properties.security-severity</c>, or null when it has none.</summary>
    public JsonCursor? Score => scoreError is null ? score : throw scoreError;

    /// <summary>The rule's <c>defaultConfiguration.level</c>, or null when it has none.</summary>
    public JsonCursor? DefaultLevel => defaultLevelError is null ? defaultLevel : throw defaultLevelError;

    /// <summary>
    /// CVE and GHSA ids in the rule's <c>name</c> and <c>properties.tags</c> (SARIF §3.8: a property bag;
    /// GitHub code scanning reads tags), for waivers.
    /// </summary>
    public IReadOnlyList<string> AdvisoryIds => advisoryIdsError is null ? advisoryIds : throw advisoryIdsError;

    public static SarifRule From(JsonCursor rule) => new(
        rule.Optional("id")?.AsString(),
        Field(rule, "properties", "security-severity"),
        Field(rule, "defaultConfiguration", "level"),
        AdvisoryIdsOf(rule));

    private static (IReadOnlyList<string>, QualityGatesException?) AdvisoryIdsOf(JsonCursor rule)
    {
        try
        {
            var texts = new List<string?> { rule.Optional("name")?.AsString() };
            if (rule.Optional("properties") is { Kind: JsonValueKind.Object } properties)
            {
                texts.AddRange(properties.OptionalItems("tags").Where(t => t.Kind == JsonValueKind.String).Select(t => t.AsString()));
            }

            return (texts.SelectMany(Security.AdvisoryIds.In).Distinct().ToList(), null);
        }
        catch (QualityGatesException ex)
        {
            return ([], ex);
        }
    }

    private static (JsonCursor?, QualityGatesException?) Field(JsonCursor rule, string parent, string name)
    {
        try
        {
            return (rule.Optional(parent)?.Optional(name)?.Detached(), null);
        }
        catch (QualityGatesException ex)
        {
            return (null, ex);
        }
    }
}
