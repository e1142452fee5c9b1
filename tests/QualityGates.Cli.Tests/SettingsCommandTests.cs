using System.Text.Json;
using QualityGates.Configuration.Settings;

namespace QualityGates.Cli.Tests;

/// <summary><c>qualitygates settings</c>: the catalogue as a table, and as JSON with exactly the documented fields.</summary>
public sealed class SettingsCommandTests
{
    private static readonly string[] Fields = ["msbuild", "cli", "testingPlatform", "notApplicable", "unit", "default", "description"];

    [Fact]
    public void JsonListsEverySettingWithExactlyTheDocumentedFields()
    {
        var run = CliRun.Of("settings", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(SettingsCatalogue.All.Count, entries.Count);
        Assert.All(entries, e => Assert.Equal(Fields, e.EnumerateObject().Select(p => p.Name)));
        var context = entries.Single(e => e.GetProperty("msbuild").GetString() == "QualityGatesContext");
        Assert.Equal(("--context", "--quality-gates-context", "staging"),
            (context.GetProperty("cli").GetString(), context.GetProperty("testingPlatform").GetString(), context.GetProperty("default").GetString()));
    }

    [Fact]
    public void EveryAdapterWithoutANameSaysWhy()
    {
        using var json = JsonDocument.Parse(CliRun.Of("settings", "--json").Output);

        foreach (var entry in json.RootElement.EnumerateArray())
        {
            var missing = new[] { "msbuild", "cli", "testingPlatform" }.Where(a => entry.GetProperty(a).ValueKind == JsonValueKind.Null).ToList();
            var reasons = entry.GetProperty("notApplicable").EnumerateObject().ToList();
            Assert.Equal(missing, reasons.Select(r => r.Name));
            Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Value.GetString())));
        }

        var strict = json.RootElement.EnumerateArray().Single(e => e.GetProperty("msbuild").GetString() == "QualityGatesCoverageReport");
        Assert.Equal("no MSBuild target runs after Microsoft.Testing.Platform tests", strict.GetProperty("notApplicable").GetProperty("testingPlatform").GetString());
    }

    [Fact]
    public void TheTableHasARowPerSetting()
    {
        var run = CliRun.Of("settings");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("MSBuild property", lines[0]);
        Assert.All(SettingsCatalogue.All.Where(s => s.MSBuild is not null), s =>
            Assert.Contains(lines, l => l.StartsWith(s.MSBuild + " ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith('-') && l.Contains("--target-framework", StringComparison.Ordinal));
    }
}
