namespace QualityGates.Configuration.Settings;

/// <summary>
/// How messages name settings in the mode that is running: MSBuild properties under MSBuild,
/// <c>qualitygates check</c>'s options under the CLI, <c>--quality-gates-*</c> options in a test
/// application. The engine never names an adapter's option itself: it asks this.
/// </summary>
internal sealed class SettingNames
{
    private readonly IReadOnlyDictionary<Setting, string> _sources;

    private SettingNames(Adapter mode, IReadOnlyDictionary<Setting, string> sources)
    {
        Mode = mode;
        _sources = sources;
    }

    public Adapter Mode { get; }

    /// <summary>The names of <paramref name="mode"/>, with no value given anywhere.</summary>
    public static SettingNames For(Adapter mode) => new(mode, new Dictionary<Setting, string>());

    internal static SettingNames For(Adapter mode, IReadOnlyDictionary<Setting, string> sources) => new(mode, sources);

    /// <summary>
    /// The name to write <paramref name="setting"/> with in this mode. A setting the mode has no name
    /// for gets its first name elsewhere; messages only point at settings the mode has.
    /// </summary>
    public string Of(Setting setting) =>
        setting.NameIn(Mode) ?? setting.MSBuild ?? setting.Cli ?? setting.TestingPlatform ?? setting.Key;

    /// <summary>Whether the mode has a name for <paramref name="setting"/>.</summary>
    public bool Has(Setting setting) => setting.NameIn(Mode) is not null;

    /// <summary>The name the user gave <paramref name="setting"/>'s value under, else <see cref="Of"/>.</summary>
    public string SourceOf(Setting setting) => _sources.TryGetValue(setting, out var source) ? source : Of(setting);

    /// <summary>
    /// How to give <paramref name="setting"/> the value <paramref name="value"/> in this mode, as an
    /// instruction: <c>set QualityGatesStrict=false</c>, <c>pass --strict false</c>.
    /// </summary>
    public string Set(Setting setting, string value) => Mode == Adapter.MSBuild
        ? $"set {Of(setting)}={value}"
        : $"pass {Of(setting)} {value}";

    /// <summary>How to name the model in this mode: <c>--model name:version</c>, or the name and version settings.</summary>
    public string ModelSettings => Has(SettingsCatalogue.Model)
        ? $"{Of(SettingsCatalogue.Model)} name:version"
        : $"{Of(SettingsCatalogue.ModelName)} and {Of(SettingsCatalogue.ModelVersion)}";
}
