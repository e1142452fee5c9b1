using System.Text;

namespace QualityGates.Configuration.Settings;

/// <summary>
/// One setting of the gate, as <see cref="SettingsCatalogue"/> declares it: its name in each adapter (or
/// why it has none there), what it accepts, its default and a one-line description. The adapters, the
/// package's props defaults, the build fragment that hands MSBuild properties to the task and to the
/// test application, and docs/settings.md all derive from these entries.
/// </summary>
internal sealed class Setting
{
    /// <summary>The MSBuild property prefix.</summary>
    public const string PropertyPrefix = "QualityGates";

    /// <summary>The test application's option prefix.</summary>
    public const string TestingPlatformPrefix = "--quality-gates-";

    private readonly string? _msbuild;
    private readonly string? _testingPlatform;

    internal Setting(string key, string section, SettingKind kind, string description)
    {
        Key = key;
        Section = section;
        Kind = kind;
        Description = description;
    }

    /// <summary>The catalogue's own name, e.g. <c>MinLineCoverage</c>.</summary>
    public string Key { get; }

    /// <summary>The part of the reference the setting is listed under.</summary>
    public string Section { get; }

    public SettingKind Kind { get; }

    /// <summary>One line: what the setting does.</summary>
    public string Description { get; }

    /// <summary>The page of docs/ that says more (<c>inputs-json.md</c>), cited by URL where a user has no checkout (help texts); null when the description says enough.</summary>
    public string? DocsPage { get; init; }

    /// <summary>The MSBuild property, <c>QualityGates&lt;Key&gt;</c> unless another is given; null with <see cref="MSBuildNotApplicable"/>.</summary>
    public string? MSBuild
    {
        get => MSBuildNotApplicable is null ? _msbuild ?? PropertyPrefix + Key : null;
        init => _msbuild = value;
    }

    /// <summary>The <c>qualitygates check</c> option, e.g. <c>--context</c>; null with <see cref="CliNotApplicable"/>.</summary>
    public string? Cli { get; init; }

    /// <summary>The CLI option's one-letter alias (<c>-c</c>), or null.</summary>
    public string? CliShort { get; init; }

    /// <summary>The test application's option, <c>--quality-gates-&lt;kebab-key&gt;</c> unless another is given; null with <see cref="TestingPlatformNotApplicable"/>.</summary>
    public string? TestingPlatform
    {
        get => TestingPlatformNotApplicable is null ? _testingPlatform ?? TestingPlatformPrefix + KebabCase(Key) : null;
        init => _testingPlatform = value;
    }

    /// <summary>Why there is no MSBuild property, or null.</summary>
    public string? MSBuildNotApplicable { get; init; }

    /// <summary>Why there is no CLI option, or null.</summary>
    public string? CliNotApplicable { get; init; }

    /// <summary>Why there is no test-application option, or null.</summary>
    public string? TestingPlatformNotApplicable { get; init; }

    /// <summary>
    /// True when the value reaches the test application through the settings file its build writes
    /// (every setting with a test-application option, and the few the build resolves, such as the
    /// solution's report folder).
    /// </summary>
    public bool InTestingPlatformFile
    {
        get => _inTestingPlatformFile ?? (MSBuild is not null && TestingPlatform is not null);
        init => _inTestingPlatformFile = value;
    }

    private readonly bool? _inTestingPlatformFile;

    /// <summary>What is used when nothing is set, as the reference states it; null when there is nothing.</summary>
    public string? Default { get; init; }

    /// <summary>
    /// The value the package's props give the property when the project sets none (may be empty, which
    /// still documents it); null when the props do not define it (<see cref="LateDefault"/>, or the
    /// package's hand-written build files).
    /// </summary>
    public string? PropsDefault { get; init; }

    /// <summary>A default only the targets can give, because it reads a property the project body sets (<c>$(Version)</c>).</summary>
    public string? LateDefault { get; init; }

    /// <summary>An MSBuild item type whose items add to the list (<c>QualityGatesCoverageFile</c>), or null.</summary>
    public string? MSBuildItem { get; init; }

    /// <summary>
    /// What the targets hand the task when it is not the property as set: a property the targets
    /// resolve first (the report folder made absolute and per target framework). Null: the property.
    /// </summary>
    public string? MSBuildValue { get; init; }

    /// <summary>True for a setting only the package's build files read (hooks, integration mode, assembly paths); the engine never sees it.</summary>
    public bool BuildOnly { get; init; }

    /// <summary>How the value may be echoed: a value that can hold a secret is shown only in part.</summary>
    public SettingEcho Echo { get; init; }

    /// <summary>Older names that still work, with deprecation warning QG0030.</summary>
    public IReadOnlyList<SettingAlias> Aliases { get; init; } = [];

    /// <summary>The threshold the setting overrides, or null.</summary>
    public ThresholdDefinition? Threshold { get; init; }

    /// <summary>The name in <paramref name="adapter"/>'s vocabulary, or null when the setting has none there.</summary>
    public string? NameIn(Adapter adapter) => adapter switch
    {
        Adapter.MSBuild => MSBuild,
        Adapter.Cli => Cli,
        _ => TestingPlatform,
    };

    /// <summary>Why the setting has no name in <paramref name="adapter"/>, or null when it has one.</summary>
    public string? NotApplicableIn(Adapter adapter) => adapter switch
    {
        Adapter.MSBuild => MSBuildNotApplicable,
        Adapter.Cli => CliNotApplicable,
        _ => TestingPlatformNotApplicable,
    };

    public override string ToString() => Key;

    /// <summary><c>MinTestPassRate</c> → <c>min-test-pass-rate</c>.</summary>
    public static string KebabCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

/// <summary>The ways a setting is given: the names in <see cref="Setting"/> are in one of these vocabularies.</summary>
internal enum Adapter
{
    /// <summary>MSBuild properties (<c>QualityGatesContext</c>), also what the test application's settings file holds.</summary>
    MSBuild,

    /// <summary>The options of <c>qualitygates check</c> (<c>--context</c>).</summary>
    Cli,

    /// <summary>The test application's options (<c>--quality-gates-context</c>).</summary>
    TestingPlatform,
}

/// <summary>How an adapter may echo a setting's value.</summary>
internal enum SettingEcho
{
    /// <summary>As written.</summary>
    AsWritten,

    /// <summary>A URL that may carry a token: only its scheme, host and port.</summary>
    Endpoint,

    /// <summary>A folder or database location that may hold a password: the registry's display form, never the password.</summary>
    Location,
}

/// <summary>
/// An older name of a setting that still works, with deprecation warning QG0030. <see cref="ToCurrent"/>
/// turns a value written in the old name's unit into the setting's (null: the same unit).
/// </summary>
internal sealed record SettingAlias(string? MSBuild, string? Cli, string? TestingPlatform)
{
    public Func<string, string>? ToCurrent { get; init; }

    /// <summary>What users of the old name must know (its unit, when it differs), or null.</summary>
    public string? Note { get; init; }

    public string? NameIn(Adapter adapter) => adapter switch
    {
        Adapter.MSBuild => MSBuild,
        Adapter.Cli => Cli,
        _ => TestingPlatform,
    };
}
