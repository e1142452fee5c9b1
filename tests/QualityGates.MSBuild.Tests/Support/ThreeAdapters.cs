using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Utilities;
using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Cli;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Inputs;
using QualityGates.Running;
using QualityGates.Testing.Platform;

namespace QualityGates.MSBuild.Tests.Support;

/// <summary>
/// Gives the same settings to the MSBuild task, to <c>qualitygates check</c> and to a test application
/// (through its settings file, or through its options), each under its own names, and returns the
/// request each adapter builds: the catalogue's promise is that they agree.
/// </summary>
internal sealed class ThreeAdapters(string projectDirectory)
{
    public const string TestAssembly = "App.Tests";

    public static readonly string ProjectFile = Path.Combine(Path.GetTempPath(), "src", "App.Tests", "App.Tests.csproj");

    /// <summary>The adapter whose names <paramref name="way"/> uses.</summary>
    public static Adapter AdapterOf(Way way) => way switch
    {
        Way.Task or Way.SettingsFile => Adapter.MSBuild,
        Way.Cli => Adapter.Cli,
        _ => Adapter.TestingPlatform,
    };

    /// <summary>Whether <paramref name="setting"/> can be given <paramref name="way"/>.</summary>
    public static bool Accepts(Way way, Setting setting) => way switch
    {
        Way.SettingsFile => setting.InTestingPlatformFile,
        Way.Task => setting.MSBuild is not null || setting == SettingsCatalogue.TargetFramework,
        _ => setting.NameIn(AdapterOf(way)) is not null,
    };

    /// <summary>Gives each setting its value under <paramref name="way"/>'s name for it.</summary>
    public Result Run(Way way, IReadOnlyDictionary<Setting, string[]> values) =>
        RunNamed(way, values.Select(v => (way switch
        {
            Way.Task or Way.SettingsFile => v.Key.MSBuild ?? v.Key.Key,
            _ => v.Key.NameIn(AdapterOf(way))!,
        }, v.Value)).ToList());

    /// <summary>Gives each value under the name given (an old name, say), as the user of <paramref name="way"/> would write it.</summary>
    public Result RunNamed(Way way, IReadOnlyList<(string Name, string[] Values)> values) => way switch
    {
        Way.Task => ViaTask(values),
        Way.Cli => ViaCli(values),
        Way.SettingsFile => ViaTestingPlatform(values, []),
        _ => ViaTestingPlatform([], values),
    };

    private Result ViaTask(IReadOnlyList<(string Name, string[] Values)> values)
    {
        var task = new EvaluateQualityGates
        {
            BuildEngine = new RecordingBuildEngine(),
            ProjectDirectory = projectDirectory,
            TestAssemblyName = TestAssembly,
            // As when the project references ReportGenerator, which QualityGatesCoverageReport needs.
            CoverageReportTool = "ReportGenerator.MSBuild.dll",
            EnvironmentVariables = _ => null,
        };
        foreach (var (name, value) in values)
        {
            // The targets pass the target framework as a parameter of its own.
            if (name == SettingsCatalogue.TargetFramework.Key)
            {
                task.TargetFramework = value.Single();
                continue;
            }

            var item = new TaskItem(name);
            item.SetMetadata("Value", string.Join(';', value));
            task.Settings = [.. task.Settings, item];
        }

        var errors = new DiagnosticBag();
        var request = task.ReadRequest(ProjectFile, errors, out var settings);
        return new Result(request, settings, errors);
    }

    private static Result ViaCli(IReadOnlyList<(string Name, string[] Values)> values)
    {
        var command = new CheckCommand(_ => null);
        var parse = new RootCommand { command.Create() }.Parse(["check", .. values.SelectMany(v => v.Values.SelectMany(value => new[] { v.Name, value }))]);
        Assert.Empty(parse.Errors);
        var errors = new DiagnosticBag();
        var request = command.ReadRequest(parse, errors, out var settings);
        return new Result(request, settings, errors);
    }

    private Result ViaTestingPlatform(IReadOnlyList<(string Name, string[] Values)> inFile, IReadOnlyList<(string Name, string[] Values)> asOptions)
    {
        var lines = new Dictionary<string, string>
        {
            ["ProjectDirectory"] = projectDirectory,
            ["ProjectFile"] = ProjectFile,
            ["TestAssemblyName"] = TestAssembly,
        };
        foreach (var (name, value) in inFile)
        {
            lines[name] = string.Join(';', value);
        }

        var options = new Options();
        foreach (var (name, value) in asOptions)
        {
            options[name[2..]] = value;
        }

        var path = Path.Combine(projectDirectory, TestAssembly + GateSettingsFile.Extension);
        File.WriteAllLines(path, GateSettingsFile.Keys.Select(k => $"{k}={lines.GetValueOrDefault(k)}"));
        var file = GateSettingsFile.Read(path);
        var settings = GateRunSettings.Settings(file, options);
        var errors = new DiagnosticBag();
        errors.AddRange(settings.Errors);
        // As under dotnet test, which starts the test application as part of a (solution) run.
        var context = GateRunSettings.Context(file, name => name == GateRunSettings.DotnetTestVariable ? "1" : null, RunInputs.None);
        var request = SettingsRequest.Build(settings, context, errors);
        return new Result(request, settings, errors);
    }

    public sealed record Result(GateRunRequest Request, SettingValues Settings, DiagnosticBag Errors);

    /// <summary>A test application's command line.</summary>
    private sealed class Options : Dictionary<string, string[]>, ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => ContainsKey(optionName);

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments) => TryGetValue(optionName, out arguments);
    }
}

/// <summary>The ways a setting reaches the engine (<see cref="ThreeAdapters"/>).</summary>
public enum Way
{
    Task,
    Cli,
    SettingsFile,
    PlatformOptions,
}
