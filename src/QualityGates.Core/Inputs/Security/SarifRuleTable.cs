using System.Globalization;
using System.Text.Json;
using QualityGates.Inputs.Common;

namespace QualityGates.Inputs.Security;

/// <summary>
/// The rules of one SARIF run (the driver's and each extension's), and how a result points at its
/// rule: <c>rule.index</c> (in <c>rule.toolComponent.index</c>'s extension, else the driver),
/// else <c>ruleIndex</c>, else <c>ruleId</c> / <c>rule.id</c> looked up by id.
/// </summary>
internal sealed class SarifRuleTable
{
    private readonly JsonCursor driver;
    private readonly JsonCursor[] driverRules;
    private readonly JsonCursor[][] extensionRules;
    private readonly Dictionary<string, JsonCursor> rulesById = new(StringComparer.Ordinal);

    private SarifRuleTable(JsonCursor driver, JsonCursor[] driverRules, JsonCursor[][] extensionRules)
    {
        this.driver = driver;
        this.driverRules = driverRules;
        this.extensionRules = extensionRules;
        foreach (var rule in driverRules.Concat(extensionRules.SelectMany(rules => rules)))
        {
            if (rule.Optional("id")?.AsString() is { } id)
            {
                rulesById.TryAdd(id, rule);
            }
        }
    }

    public static SarifRuleTable For(JsonCursor run)
    {
        var tool = run.Required("tool");
        var driver = tool.Required("driver");
        var extensions = tool.OptionalItems("extensions").Select(extension => extension.OptionalItems("rules").ToArray()).ToArray();
        return new SarifRuleTable(driver, driver.OptionalItems("rules").ToArray(), extensions);
    }

    /// <summary>The rule's id as the result names it, falling back to the rule's own id; empty when neither exists.</summary>
    public static string RuleIdOf(JsonCursor result, JsonCursor? rule) =>
        result.Optional("ruleId")?.AsString()
        ?? result.Optional("rule")?.Optional("id")?.AsString()
        ?? rule?.Optional("id")?.AsString()
        ?? string.Empty;

    /// <summary>The rule object <paramref name="result"/> refers to, or null when it names none this run describes.</summary>
    public JsonCursor? RuleOf(JsonCursor result)
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

    private JsonCursor[] RulesOfComponent(JsonCursor? componentIndexField)
    {
        if (componentIndexField is not { } field || AsIndex(field) is not { } component)
        {
            return driverRules;
        }

        return component < extensionRules.Length
            ? extensionRules[component]
            : throw field.OutOfRange(string.Create(CultureInfo.InvariantCulture,
                $"{field.Path} is {component}, but {driver.Path} has {extensionRules.Length} extensions."));
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
