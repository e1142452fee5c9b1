using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGates.Configuration.Settings;

namespace QualityGates.Cli;

/// <summary>
/// <c>qualitygates settings</c>: the settings catalogue, every setting with its MSBuild property, CLI
/// option and test-application option side by side, as a table or (<c>--json</c>) for tools.
/// </summary>
internal sealed class SettingsCommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Print the settings as a JSON array." };

    public Command Create()
    {
        var command = new Command("settings", "List every setting: its MSBuild property, CLI option and test-application option, unit, default and meaning.") { _json };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(_json))
            {
                output.WriteLine(JsonSerializer.Serialize(Entries(), SettingsJson.Readable.IReadOnlyListSettingEntry));
            }
            else
            {
                WriteTable(output);
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    internal static IReadOnlyList<SettingEntry> Entries() => SettingsCatalogue.All.Select(s => new SettingEntry(
        s.MSBuild,
        s.Cli,
        s.TestingPlatform,
        Enum.GetValues<Adapter>().Where(a => s.NameIn(a) is null).ToDictionary(Key, a => s.NotApplicableIn(a)!),
        s.Kind.Unit,
        s.Default,
        s.Description)).ToList();

    private static string Key(Adapter adapter) => adapter switch
    {
        Adapter.MSBuild => "msbuild",
        Adapter.Cli => "cli",
        _ => "testingPlatform",
    };

    /// <summary>One row per setting; the unit, default and description wrap inside their columns.</summary>
    private static void WriteTable(TextWriter output)
    {
        string[] header = ["MSBuild property", "qualitygates check", "test application", "unit", "default", "description"];
        int?[] wrapAt = [null, null, null, 24, 32, 56];
        var rows = Entries().Select(e => new[] { e.MSBuild ?? "-", e.Cli ?? "-", e.TestingPlatform ?? "-", e.Unit, e.Default ?? "none", e.Description })
            .Prepend(header)
            .Select(row => row.Select((cell, i) => Wrap(cell, wrapAt[i])).ToList())
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Max(line => line.Length))).ToList();
        foreach (var row in rows)
        {
            for (var line = 0; line < row.Max(cell => cell.Count); line++)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, i) => (line < cell.Count ? cell[line] : string.Empty).PadRight(widths[i]))).TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine("-: the setting has none there (qualitygates settings --json says why). Reference: docs/settings.md.");
        foreach (var convention in SettingsCatalogue.UnitConventions)
        {
            output.WriteLine(convention);
        }
    }

    private static List<string> Wrap(string text, int? width)
    {
        if (width is not { } max)
        {
            return [text];
        }

        var lines = new List<string>();
        foreach (var word in text.Split(' '))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= max)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        return lines;
    }
}

/// <summary>One setting as <c>qualitygates settings --json</c> prints it.</summary>
/// <param name="MSBuild">The MSBuild property, or null.</param>
/// <param name="Cli">The <c>qualitygates check</c> option, or null.</param>
/// <param name="TestingPlatform">The test application's option, or null.</param>
/// <param name="NotApplicable">For each adapter (<c>msbuild</c>, <c>cli</c>, <c>testingPlatform</c>) whose name is null: why.</param>
/// <param name="Unit">What a value is.</param>
/// <param name="Default">What applies when nothing is set, or null.</param>
/// <param name="Description">One line.</param>
internal sealed record SettingEntry(
    [property: JsonPropertyName("msbuild")] string? MSBuild,
    string? Cli,
    string? TestingPlatform,
    IReadOnlyDictionary<string, string> NotApplicable,
    string Unit,
    string? Default,
    string Description);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<SettingEntry>))]
internal sealed partial class SettingsJson : JsonSerializerContext
{
    /// <summary>Readable text: the descriptions hold dashes and quotes that need no escaping in UTF-8 JSON.</summary>
    public static SettingsJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
