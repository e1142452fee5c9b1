using QualityGates.Configuration.Settings;
using QualityGates.Targets.Tests.Support;
using QualityGates.Testing.Platform;

namespace QualityGates.Targets.Tests;

/// <summary>
/// The generated build fragment hands every MSBuild property of the settings catalogue to the task (one
/// _QualityGatesSetting item each) and to the test application's settings file, which the extension then
/// reads without complaint.
/// </summary>
public sealed class SettingsTargetsTests
{
    private static readonly IReadOnlyList<Setting> Passed = SettingsCatalogue.All.Where(s => s.MSBuild is not null && !s.BuildOnly).ToList();

    [Fact]
    public void EveryPropertyAndItsItemsReachTheTask()
    {
        var run = PackageEvaluation.Build(WithEverySetting(PackageEvaluation.TestProject()), ["_QualityGatesCollectSettings"], Solution);

        Assert.True(run.Succeeded, string.Join('\n', run.Log));
        var items = run.Items["_QualityGatesSetting"].ToDictionary(i => i["Identity"], i => i["Value"]);
        var expected = Passed.SelectMany(s => s.Aliases.Select(a => a.MSBuild).Prepend(s.MSBuild)).OfType<string>().ToList();
        Assert.Equal(expected, items.Keys);
        foreach (var setting in Passed)
        {
            var value = items[setting.MSBuild!];
            if (setting.MSBuildValue is null)
            {
                Assert.Equal(setting.MSBuildItem is null ? Sample(setting) : $"{Sample(setting)};item-{setting.Key}", value);
            }
            else
            {
                // Resolved by the targets first (a folder made absolute), still holding what was set.
                Assert.Contains(Sample(setting).TrimEnd('/'), value);
            }
        }
    }

    [Fact]
    public void TheTestApplicationsSettingsFileHoldsEveryKeyOnceAndReadsBack()
    {
        var project = WithEverySetting(ProjectBuilder.Sdk().Property("TargetFramework", "net10.0").Property("IsTestingPlatformApplication", "true"))
            .Property("QualityGatesCoverageExcludeFiles", "**/Generated/*.cs;\n      **/Migrations/*.cs");

        var run = PackageEvaluation.Build(project, ["_QualityGatesWriteTestingPlatformSettings"], Solution);

        Assert.True(run.Succeeded, string.Join('\n', run.Log));
        var (name, text) = Assert.Single(run.Files, f => f.Key.EndsWith(GateSettingsFile.Extension, StringComparison.Ordinal));
        var keys = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)[0]).ToList();
        Assert.Equal(GateSettingsFile.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.True(text.ReplaceLineEndings("\n").Contains("QualityGatesCoverageExcludeFiles=**/Generated/*.cs; **/Migrations/*.cs;item-CoverageExcludeFiles\n", StringComparison.Ordinal), text);
        Assert.Contains("QualityGatesCoverageFiles=x-CoverageFiles;item-CoverageFiles\n", text.ReplaceLineEndings("\n"));

        using var folder = new TempDirectory();
        var file = GateSettingsFile.Read(folder.Write(Path.GetFileName(name), text));
        var settings = SettingValues.Read(Adapter.TestingPlatform, file.Settings());
        Assert.Empty(settings.Errors.Select(e => e.Message));
        Assert.Equal(["**/Generated/*.cs", "**/Migrations/*.cs", "item-CoverageExcludeFiles"], settings.List(SettingsCatalogue.CoverageExcludeFiles));
        Assert.Equal("production", settings.Text(SettingsCatalogue.Context));
    }

    [Theory]
    [InlineData("net8.0;net10.0", "net10.0")]
    [InlineData(null, null)]
    public void OnlyALegOfAMultiTargetingProjectNamesItsTargetFrameworkForTheJUnitNames(string? frameworks, string? expected)
    {
        var project = ProjectBuilder.Sdk().Property("TargetFrameworks", frameworks).Property("TargetFramework", "net10.0").Property("IsTestingPlatformApplication", "true");

        var run = PackageEvaluation.Build(project, ["_QualityGatesWriteTestingPlatformSettings"], Solution);

        Assert.True(run.Succeeded, string.Join('\n', run.Log));
        var (name, text) = Assert.Single(run.Files, f => f.Key.EndsWith(GateSettingsFile.Extension, StringComparison.Ordinal));
        using var folder = new TempDirectory();
        var settings = SettingValues.Read(Adapter.TestingPlatform, GateSettingsFile.Read(folder.Write(Path.GetFileName(name), text)).Settings());
        Assert.Empty(settings.Errors.Select(e => e.Message));
        Assert.Equal(expected, settings.Text(SettingsCatalogue.TargetFramework));
    }

    // A solution build, so the solution's report folder is resolved too.
    private static readonly Dictionary<string, string> Solution = new() { ["SolutionDir"] = Path.Combine(Path.GetTempPath(), "solution") + Path.DirectorySeparatorChar };

    /// <summary>Every property set to a valid value of its own, and one item for each list that takes items.</summary>
    private static ProjectBuilder WithEverySetting(ProjectBuilder project)
    {
        foreach (var setting in Passed)
        {
            project.Property(setting.MSBuild!, Sample(setting));
            if (setting.MSBuildItem is { } item)
            {
                project.Item(item, "item-" + setting.Key);
            }
        }

        return project;
    }

    private static string Sample(Setting setting) => setting.Key switch
    {
        "Context" => "production",
        "WebhookUrl" => "https://hooks.example.com/x",
        "KeepReports" or "WebhookTimeout" => "7",
        "Checks" => "Tests;Model",
        "ReportDirectory" or "SolutionReportDirectory" => $"x-{setting.Key}/",
        _ when setting.Threshold is { } threshold => threshold.Kind == Configuration.ThresholdKind.Count ? "7" : "0.5",
        _ when setting.Kind.Shape is SettingShape.Switch or SettingShape.OptionalSwitch => "true",
        _ when setting.Kind.Choices.Count > 0 => setting.Kind.Choices[^1],
        _ => "x-" + setting.Key,
    };
}
