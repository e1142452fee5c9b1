using QualityGates.Errors;

namespace QualityGates.Configuration.Settings;

/// <summary>
/// The settings of one run, read from an adapter's layers and checked by the catalogue's rules: every
/// adapter gets the same validation, codes and messages, at start-up. Values that fail are dropped (their
/// error is in <see cref="Errors"/>), so the engine never reports them a second time.
/// </summary>
internal sealed class SettingValues
{
    private readonly Dictionary<Setting, Given> _values;

    private SettingValues(Adapter mode, Dictionary<Setting, Given> values, DiagnosticBag diagnostics)
    {
        _values = values;
        Errors = diagnostics.Errors;
        Warnings = diagnostics.Warnings;
        Names = SettingNames.For(mode, values.ToDictionary(v => v.Key, v => v.Value.Source));
    }

    /// <summary>One coded error per bad value, unknown name or conflicting old and new name, in catalogue order.</summary>
    public IReadOnlyList<GateDiagnostic> Errors { get; }

    /// <summary>Deprecation warnings (QG0030), one per old name used.</summary>
    public IReadOnlyList<GateDiagnostic> Warnings { get; }

    /// <summary>How messages name the settings in this mode, and the names the values were given under.</summary>
    public SettingNames Names { get; }

    /// <summary>
    /// Reads <paramref name="layers"/>, later ones overriding earlier ones (a test application's options
    /// override its settings file), and checks every value that is used.
    /// </summary>
    /// <param name="mode">The mode that is running: whose names messages use.</param>
    /// <param name="layers">The values, under the names each source uses.</param>
    public static SettingValues Read(Adapter mode, params SettingLayer[] layers)
    {
        var values = new Dictionary<Setting, Given>();
        var diagnostics = new DiagnosticBag();
        foreach (var layer in layers)
        {
            foreach (var (setting, given) in ReadLayer(layer, diagnostics))
            {
                values[setting] = given;
            }
        }

        foreach (var setting in SettingsCatalogue.All.Where(values.ContainsKey))
        {
            var given = values[setting];
            try
            {
                foreach (var value in given.Values)
                {
                    setting.Kind.Validate(value, given.Source);
                }
            }
            catch (QualityGatesException ex)
            {
                diagnostics.Add(ex);
                values.Remove(setting);
            }
        }

        return new SettingValues(mode, values, diagnostics);
    }

    public bool IsSet(Setting setting) => _values.ContainsKey(setting);

    /// <summary>The value, trimmed; null when unset (or bad).</summary>
    public string? Text(Setting setting) => _values.TryGetValue(setting, out var given) ? given.Values[^1] : null;

    /// <summary>The entries of a list; empty when unset.</summary>
    public IReadOnlyList<string> List(Setting setting) => _values.TryGetValue(setting, out var given) ? given.Values : [];

    /// <summary>A switch's value, or its catalogue default when unset.</summary>
    public bool Switch(Setting setting) => OptionalSwitch(setting) ?? setting.Kind.SwitchDefault;

    /// <summary>A switch's value, or null when unset.</summary>
    public bool? OptionalSwitch(Setting setting) =>
        Text(setting) is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>The name the value was given under (<c>QualityGatesContext</c>, <c>--quality-gates-context</c>), else this mode's name.</summary>
    public string Source(Setting setting) => Names.SourceOf(setting);

    private static IEnumerable<(Setting, Given)> ReadLayer(SettingLayer layer, DiagnosticBag diagnostics)
    {
        var given = new List<(Setting Setting, SettingAlias? Alias, Given Value)>();
        foreach (var entry in layer.Entries)
        {
            var found = entry.Setting is { } known ? (known, null) : SettingsCatalogue.Find(layer.Vocabulary, entry.Name);
            if (found is not var (setting, alias))
            {
                diagnostics.Add(new QualityGatesException(ErrorCodes.InvalidSetting, $"'{entry.Name}' is not a quality gates setting; see docs/settings.md."));
                continue;
            }

            if (layer.FromCommandLine && entry.Values.Any(string.IsNullOrWhiteSpace))
            {
                diagnostics.Add(new QualityGatesException(ErrorCodes.InvalidCommandLine,
                    $"{entry.Name} was given an empty value (an unset variable?); give a value or leave the option out."));
                continue;
            }

            var values = Normalize(setting, entry.Values);
            if (values.Count > 0)
            {
                given.Add((setting, alias, new Given(alias?.ToCurrent is { } convert ? values.Select(convert).ToList() : values, entry.Name)));
            }
        }

        foreach (var group in given.GroupBy(g => g.Setting))
        {
            var current = group.LastOrDefault(g => g.Alias is null);
            var old = group.LastOrDefault(g => g.Alias is not null);
            if (old.Setting is not null)
            {
                var instead = group.Key.NameIn(layer.Vocabulary) ?? group.Key.Key;
                diagnostics.Add(GateDiagnostic.Warning(ErrorCodes.DeprecatedSetting,
                    $"{old.Value.Source} is deprecated; use {instead} instead (the old name still works)."));
                if (current.Setting is not null && !current.Value.Values.SequenceEqual(old.Value.Values, StringComparer.OrdinalIgnoreCase))
                {
                    diagnostics.Add(new QualityGatesException(ErrorCodes.DeprecatedSettingConflict,
                        $"{old.Value.Source} and {current.Value.Source} name the same setting but differ ('{string.Join(';', old.Value.Values)}' and '{string.Join(';', current.Value.Values)}'); remove {old.Value.Source}, the deprecated name."));
                    continue;
                }
            }

            yield return (group.Key, (current.Setting is not null ? current : old).Value);
        }
    }

    /// <summary>Trimmed non-empty values: a list's entries split once more at ';' (MSBuild hands a list as one value), one value otherwise.</summary>
    private static List<string> Normalize(Setting setting, IReadOnlyList<string> values)
    {
        if (setting.Kind.Shape == SettingShape.List)
        {
            return ListSetting.NonEmpty(values).ToList();
        }

        var last = values.LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        return last is null ? [] : [last];
    }

    private sealed record Given(IReadOnlyList<string> Values, string Source);
}
