using System.Globalization;
using System.Text;
using QualityGates.Configuration.Settings;

namespace QualityGates.Tests.Configuration.Settings;

/// <summary>
/// Writes the files derived from <see cref="SettingsCatalogue"/>: the package's props defaults, the
/// targets fragment that hands every property to the task and to the test application's settings file,
/// and the settings reference. <see cref="SettingsFilesTests"/> keeps the checked-in copies in step.
/// </summary>
internal static class SettingsFiles
{
    public const string RegenerateVariable = "QUALITYGATES_REGENERATE";

    public const string Regenerate =
        "QUALITYGATES_REGENERATE=1 dotnet test tests/QualityGates.Core.Tests -c Release --filter FullyQualifiedName~SettingsFilesTests";

    /// <summary>Each file, relative to the repository root, and its content.</summary>
    public static IReadOnlyList<(string Path, string Content)> All =>
    [
        ("build/QualityGates.MSBuild.Settings.props", Props()),
        ("build/QualityGates.MSBuild.Settings.targets", Targets()),
        ("docs/settings.md", Reference()),
    ];

    private const string GeneratedNote =
        "Generated from the settings catalogue (src/QualityGates.Core/Configuration/Settings/SettingsCatalogue.cs): do not edit; docs/settings.md says how to regenerate it.";

    private static string Props()
    {
        var text = new StringBuilder();
        text.Append("<Project>\n");
        text.Append(CultureInfo.InvariantCulture, $"  <!--\n    QualityGates.MSBuild: the settings' defaults. A default applies only when the property is not set, so every\n    property can be set in the project, in Directory.Build.props or on the command line (-p:QualityGatesContext=production).\n    Reference: docs/settings.md. {Comment(GeneratedNote)}\n  -->\n");
        foreach (var section in SettingsCatalogue.Sections)
        {
            var settings = SettingsCatalogue.All.Where(s => s.Section == section && s.MSBuild is not null && s.PropsDefault is not null).ToList();
            if (settings.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  <!-- {Comment(section)} -->\n  <PropertyGroup>\n");
            foreach (var setting in settings)
            {
                text.Append(CultureInfo.InvariantCulture, $"    <!-- {Comment(Describe(setting))} -->\n");
                text.Append(CultureInfo.InvariantCulture, $"    <{setting.MSBuild} Condition=\"'$({setting.MSBuild})' == ''\">{setting.PropsDefault}</{setting.MSBuild}>\n");
            }

            text.Append("  </PropertyGroup>\n");
        }

        text.Append("</Project>\n");
        return text.ToString();
    }

    private static string Targets()
    {
        var text = new StringBuilder();
        text.Append("<Project>\n");
        text.Append(CultureInfo.InvariantCulture, $"  <!-- {Comment(GeneratedNote)} -->\n");
        text.Append("\n  <!-- Defaults that read a property the project body sets. -->\n  <PropertyGroup>\n");
        foreach (var setting in SettingsCatalogue.All.Where(s => s.LateDefault is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"    <{setting.MSBuild} Condition=\"'$({setting.MSBuild})' == ''\">{setting.LateDefault}</{setting.MSBuild}>\n");
        }

        text.Append("  </PropertyGroup>\n");
        text.Append("""

              <!--
                One _QualityGatesSetting item per setting the engine reads, and per deprecated name: identity = the MSBuild
                property, Value = what the task and the test application are given. TestingPlatform = true when the test
                application's settings file carries it. Collected when the gate runs, so targets in QualityGatesDependsOn
                can still set properties and add items.
              -->
              <Target Name="_QualityGatesCollectSettings">
                <ItemGroup>
                  <_QualityGatesSetting Remove="@(_QualityGatesSetting)" />

            """);
        foreach (var setting in SettingsCatalogue.All.Where(s => s.MSBuild is not null && !s.BuildOnly))
        {
            var value = setting.MSBuildValue ?? $"$({setting.MSBuild})" + (setting.MSBuildItem is { } item ? $";@({item})" : string.Empty);
            var platform = setting.InTestingPlatformFile ? "true" : "false";
            text.Append(CultureInfo.InvariantCulture, $"      <_QualityGatesSetting Include=\"{setting.MSBuild}\" Value=\"{value}\" TestingPlatform=\"{platform}\" />\n");
            foreach (var alias in setting.Aliases.Where(a => a.MSBuild is not null))
            {
                text.Append(CultureInfo.InvariantCulture, $"      <_QualityGatesSetting Include=\"{alias.MSBuild}\" Value=\"$({alias.MSBuild})\" TestingPlatform=\"{platform}\" />\n");
            }
        }

        text.Append("    </ItemGroup>\n  </Target>\n</Project>\n");
        return text.ToString();
    }

    private static string Reference()
    {
        var text = new StringBuilder();
        text.Append("# Settings\n\n");
        text.Append($"<!-- Generated from the settings catalogue (src/QualityGates.Core/Configuration/Settings/SettingsCatalogue.cs): do not edit. After changing the catalogue, regenerate this file and build/QualityGates.MSBuild.Settings.props and .targets with: {Regenerate} -->\n\n");
        text.Append("Every setting of the gate, with its name in each way of running it: the MSBuild property (VSTest mode and the\n");
        text.Append("settings the build hands to a test application), the `qualitygates check` option, and the test application's\n");
        text.Append("option under Microsoft.Testing.Platform, which overrides the property ([testing-platform.md](testing-platform.md)).\n");
        text.Append("`qualitygates settings` prints the same list (`--json` for tools). A bad value is one error naming the\n");
        text.Append("setting as you wrote it, with the code below, in every mode.\n\n");
        text.Append("Units, the same everywhere:\n\n");
        foreach (var convention in SettingsCatalogue.UnitConventions)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {Cell(convention)}\n");
        }

        foreach (var section in SettingsCatalogue.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section}\n\n");
            text.Append("| MSBuild property | `qualitygates check` | test application | unit | default | description |\n");
            text.Append("|---|---|---|---|---|---|\n");
            foreach (var setting in SettingsCatalogue.All.Where(s => s.Section == section))
            {
                var msbuild = setting.MSBuildItem is { } item ? $"{Name(setting.MSBuild, setting.MSBuildNotApplicable)} (items `{item}`)" : Name(setting.MSBuild, setting.MSBuildNotApplicable);
                var cli = setting.CliShort is { } alias ? $"`{setting.Cli}`, `{alias}`" : Name(setting.Cli, setting.CliNotApplicable);
                var platform = setting.TestingPlatform is null && setting.InTestingPlatformFile
                    ? $"the property, from the settings file ({Cell(setting.TestingPlatformNotApplicable!)})"
                    : Name(setting.TestingPlatform, setting.TestingPlatformNotApplicable);
                text.Append(CultureInfo.InvariantCulture, $"| {msbuild} | {cli} | {platform} | {Cell(setting.Kind.Unit)} | {Cell(setting.Default ?? "none")} | {Cell(setting.Description)}{(setting.DocsPage is { } page ? $" See [{page}]({page})." : string.Empty)} |\n");
            }
        }

        text.Append("\n## Deprecated names\n\n");
        text.Append("These names still work, with warning QG0030; setting the old and the new name to different values is error QG0031.\n\n");
        text.Append("| old name | new name | note |\n|---|---|---|\n");
        foreach (var setting in SettingsCatalogue.All)
        {
            foreach (var alias in setting.Aliases)
            {
                var old = string.Join(", ", new[] { alias.MSBuild, alias.Cli, alias.TestingPlatform }.OfType<string>().Select(n => $"`{n}`"));
                var current = string.Join(", ", new[] { alias.MSBuild is null ? null : setting.MSBuild, alias.Cli is null ? null : setting.Cli, alias.TestingPlatform is null ? null : setting.TestingPlatform }
                    .OfType<string>().Select(n => $"`{n}`"));
                text.Append(CultureInfo.InvariantCulture, $"| {old} | {current} | {Cell(alias.Note ?? string.Empty)} |\n");
            }
        }

        text.Append("\n## Adding or changing a setting\n\n");
        text.Append("A setting is one entry of the catalogue (`src/QualityGates.Core/Configuration/Settings/SettingsCatalogue.cs`) and its\n");
        text.Append("use in `SettingsRequest` (or in the one adapter that uses it). This file and the package's\n");
        text.Append("`build/QualityGates.MSBuild.Settings.props` and `.targets` are generated from the catalogue; a test fails when\n");
        text.Append($"they are out of step. Regenerate them with:\n\n```bash\n{Regenerate}\n```\n");
        return text.ToString();
    }

    private static string Describe(Setting setting) =>
        $"{setting.Description}{(setting.DocsPage is { } page ? $" See docs/{page}." : string.Empty)} Default: {setting.Default ?? "none"}. Allowed: {setting.Kind.Unit}."
        + (setting.MSBuildItem is { } item ? $" Items: {item}." : string.Empty);

    private static string Name(string? name, string? notApplicable) => name is not null ? $"`{name}`" : $"— *({Cell(notApplicable!)})*";

    /// <summary>Text for a Markdown table cell: no pipes, no tags.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text for an XML comment, which must not hold "--".</summary>
    private static string Comment(string text) => text.Contains("--", StringComparison.Ordinal)
        ? throw new InvalidOperationException($"An XML comment cannot hold '--': {text}")
        : text;
}
