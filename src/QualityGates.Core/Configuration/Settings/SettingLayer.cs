namespace QualityGates.Configuration.Settings;

/// <summary>
/// The settings one source gave, under the names it uses: the MSBuild task's items, the test
/// application's settings file (MSBuild names), its command line, the CLI's options. A later layer
/// overrides an earlier one (<see cref="SettingValues.Read"/>).
/// </summary>
/// <param name="vocabulary">Whose names the values are given under.</param>
/// <param name="fromCommandLine">True for options typed on a command line: an empty value is then a mistake (an unset variable), never "unset".</param>
internal sealed class SettingLayer(Adapter vocabulary, bool fromCommandLine = false)
{
    private readonly List<Entry> _entries = [];

    public Adapter Vocabulary { get; } = vocabulary;

    public bool FromCommandLine { get; } = fromCommandLine;

    internal IReadOnlyList<Entry> Entries => _entries;

    /// <summary>A value given under <paramref name="name"/> (a list as MSBuild writes it, <c>;</c>-separated).</summary>
    public SettingLayer Add(string name, string? value)
    {
        _entries.Add(new Entry(name, null, [value ?? string.Empty]));
        return this;
    }

    /// <summary>A list, or a repeated option, given under <paramref name="name"/>.</summary>
    public SettingLayer Add(string name, IEnumerable<string> values)
    {
        _entries.Add(new Entry(name, null, values.ToList()));
        return this;
    }

    /// <summary>
    /// A value an adapter knows under no user-facing name of its vocabulary (the MSBuild task's
    /// <c>TargetFramework</c>, which the targets pass themselves); <paramref name="source"/> names it in messages.
    /// </summary>
    public SettingLayer Add(Setting setting, string? value, string source)
    {
        _entries.Add(new Entry(source, setting, [value ?? string.Empty]));
        return this;
    }

    internal sealed record Entry(string Name, Setting? Setting, IReadOnlyList<string> Values);
}
