using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Configuration.Settings;

/// <summary>How a setting's value is held: one switch, one value, or a list.</summary>
internal enum SettingShape
{
    /// <summary><c>true</c> or <c>false</c>; unset means the kind's default.</summary>
    Switch,

    /// <summary><c>true</c>, <c>false</c>, or unset (the engine decides).</summary>
    OptionalSwitch,

    /// <summary>One value.</summary>
    Text,

    /// <summary>Values separated by <c>;</c> (MSBuild), or a repeated option.</summary>
    List,
}

/// <summary>
/// What a setting accepts and how a value is checked: the same rules, codes and messages in every
/// adapter. A bad value is one <see cref="QualityGatesException"/> naming the setting as the user wrote it.
/// </summary>
internal sealed class SettingKind
{
    private readonly Action<string, string>? _check;

    private SettingKind(SettingShape shape, string unit, string? placeholder, Action<string, string>? check)
    {
        Shape = shape;
        Unit = unit;
        Placeholder = placeholder;
        _check = check;
    }

    public SettingShape Shape { get; }

    /// <summary>What a value is, for the reference: <c>true or false</c>, <c>fraction 0–1 (0.95 = 95 %)</c>.</summary>
    public string Unit { get; }

    /// <summary>What stands for the value in help texts (<c>true|false</c>, <c>0-1</c>, <c>file</c>); null for a flag.</summary>
    public string? Placeholder { get; }

    /// <summary>For a <see cref="SettingShape.Switch"/>: its value when unset.</summary>
    public bool SwitchDefault { get; private init; }

    /// <summary>The values a choice accepts, or empty.</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>Checks one value (one entry of a list); throws the setting's coded error naming <paramref name="source"/>.</summary>
    public void Validate(string value, string source) => _check?.Invoke(value, source);

    /// <summary><c>true</c> or <c>false</c> (any case), QG0006 otherwise.</summary>
    public static SettingKind Switch(bool whenUnset) =>
        new(SettingShape.Switch, "true or false", "true|false", (v, s) => SwitchSetting.ParseOptional(v, s)) { SwitchDefault = whenUnset };

    /// <summary><c>true</c>, <c>false</c> or unset, QG0006 otherwise.</summary>
    public static SettingKind OptionalSwitch { get; } =
        new(SettingShape.OptionalSwitch, "true, false or empty", "true|false", (v, s) => SwitchSetting.ParseOptional(v, s));

    /// <summary>Free text; <paramref name="placeholder"/> in help texts.</summary>
    public static SettingKind Text(string placeholder, string unit) => new(SettingShape.Text, unit, placeholder, null);

    /// <summary>A list of free text (paths, globs, patterns).</summary>
    public static SettingKind List(string placeholder, string unit) => new(SettingShape.List, unit, placeholder, null);

    /// <summary>One of <paramref name="choices"/> (any case), <paramref name="code"/> otherwise.</summary>
    /// <param name="code">The QG code of a value that is not a choice.</param>
    /// <param name="what">What a value is, for the error: "a coverage statistic".</param>
    /// <param name="choices">Each value and, for the error, what it means (or null).</param>
    public static SettingKind Choice(string code, string what, params (string Value, string? Meaning)[] choices) =>
        new(SettingShape.Text, Or(choices.Select(c => c.Value)), string.Join('|', choices.Select(c => c.Value)), (v, s) =>
        {
            if (!choices.Any(c => string.Equals(c.Value, v.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw new QualityGatesException(code,
                    $"{s} is '{v.Trim()}', which is not {what}; use {Or(choices.Select(c => c.Meaning is null ? c.Value : $"{c.Value} ({c.Meaning})"))}.");
            }
        })
        { Choices = choices.Select(c => c.Value).ToList() };

    /// <summary>Any of <paramref name="choices"/> (any case), <c>;</c>-separated or repeated; <paramref name="code"/> for another.</summary>
    public static SettingKind ChoiceList(string code, string what, params string[] choices) =>
        new(SettingShape.List, $"any of {string.Join(", ", choices)}, ';'-separated", "group", (v, s) =>
        {
            if (!choices.Any(c => string.Equals(c, v.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw new QualityGatesException(code,
                    $"{s} contains '{v.Trim()}', which is not {what}; use any of: {string.Join(", ", choices)}, separated by ';'.");
            }
        })
        { Choices = choices };

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, QG0009 otherwise.</summary>
    public static SettingKind WholeNumber(int minimum, int maximum, string unit, string placeholder) =>
        new(SettingShape.Text, unit, placeholder, (v, s) =>
        {
            if (!int.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum || number > maximum)
            {
                throw new QualityGatesException(ErrorCodes.InvalidSetting, $"{s} is '{v.Trim()}', but it must be a {unit}.");
            }
        });

    /// <summary>Seconds above 0 and at most <paramref name="maximum"/> ('.' as decimal separator), QG0009 otherwise.</summary>
    public static SettingKind Seconds(double maximum) =>
        new(SettingShape.Text, $"seconds, above 0 and at most {maximum.ToString(CultureInfo.InvariantCulture)}", "seconds", (v, s) =>
        {
            if (!double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || !double.IsFinite(seconds) || seconds <= 0 || seconds > maximum)
            {
                throw new QualityGatesException(ErrorCodes.InvalidSetting,
                    $"{s} is '{v.Trim()}', but it must be a number of seconds above 0 and at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
            }
        });

    /// <summary>An absolute http(s) URL with a host, QG0009 otherwise. The value is never echoed: it may hold a token.</summary>
    public static SettingKind HttpUrl { get; } =
        new(SettingShape.Text, "absolute http:// or https:// URL", "url", (v, s) =>
        {
            if (!Uri.TryCreate(v.Trim(), UriKind.Absolute, out var url) || url.IsFile || url.IsUnc)
            {
                throw new QualityGatesException(ErrorCodes.InvalidSetting,
                    $"{s} is not an absolute URL; give the webhook as http://host/path or https://host/path.");
            }

            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps || url.Host.Length == 0)
            {
                throw new QualityGatesException(ErrorCodes.InvalidSetting,
                    $"{s} uses the scheme '{url.Scheme}', but a webhook must be an http:// or https:// URL with a host.");
            }
        });

    /// <summary>A threshold's value in its unit: QG0002 when not a number, QG0003 when out of range.</summary>
    public static SettingKind Threshold(ThresholdDefinition definition) =>
        new(SettingShape.Text, definition.Unit, definition.Kind switch
        {
            ThresholdKind.Fraction => "0-1",
            ThresholdKind.Count => "count",
            _ => "number",
        }, (v, s) => ThresholdCatalog.Parse(definition, v.Trim(), s));

    /// <summary>The deployment context (QG0001; abbreviations such as <c>prod</c> are refused).</summary>
    public static SettingKind Context { get; } =
        new(SettingShape.Text, Or(DeploymentContexts.Names), string.Join('|', DeploymentContexts.Names), (v, s) => DeploymentContexts.Parse(v, s))
        { Choices = DeploymentContexts.Names };

    private static string Or(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
