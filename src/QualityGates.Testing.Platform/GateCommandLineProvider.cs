using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using QualityGates.Configuration.Settings;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The test application's <c>--quality-gates-*</c> options, listed by <c>--help</c>: one per setting of the
/// catalogue that has a test-application name (and a hidden one per deprecated name). They override the
/// MSBuild properties baked into the settings file, so a built test application can be judged against
/// another context or threshold: <c>MyTests --quality-gates-context production</c>. A bad value is
/// refused by the platform before any test runs, with the QG code in the message and the catalogue's rules.
/// </summary>
internal sealed class GateCommandLineProvider : ICommandLineOptionsProvider
{
    /// <summary>Each option's name (without <c>--</c>), its setting, and whether it is a deprecated name.</summary>
    public static IReadOnlyList<(string Name, Setting Setting, bool Deprecated)> Options { get; } = SettingsCatalogue.All
        .Where(s => s.TestingPlatform is not null)
        .SelectMany(s => s.Aliases.Select(a => a.TestingPlatform).OfType<string>().Select(a => (Name: a[2..], s, true))
            .Prepend((s.TestingPlatform![2..], s, false)))
        .ToList();

    public string Uid => nameof(GateCommandLineProvider);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() => Options
        .Select(o => new CommandLineOption(o.Name,
            o.Deprecated ? $"Deprecated: use {o.Setting.TestingPlatform}." : $"{o.Setting.Description} Overrides {o.Setting.MSBuild}.",
            o.Setting.Kind.Shape == SettingShape.List ? ArgumentArity.OneOrMore : ArgumentArity.ExactlyOne,
            isHidden: o.Deprecated))
        .ToList();

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) =>
        Validate(new SettingLayer(Adapter.TestingPlatform, fromCommandLine: true).Add("--" + commandOption.Name, arguments));

    /// <summary>Refuses an old and a new name given different values (QG0031).</summary>
    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => Validate(Read(commandLineOptions));

    /// <summary>The options given, under their names, for <see cref="SettingValues.Read"/>.</summary>
    public static SettingLayer Read(ICommandLineOptions options)
    {
        var layer = new SettingLayer(Adapter.TestingPlatform, fromCommandLine: true);
        foreach (var option in Options)
        {
            if (options.TryGetOptionArgumentList(option.Name, out var arguments))
            {
                layer.Add("--" + option.Name, arguments);
            }
        }

        return layer;
    }

    private static Task<ValidationResult> Validate(SettingLayer layer) =>
        SettingValues.Read(Adapter.TestingPlatform, layer).Errors is [var error, ..]
            ? ValidationResult.InvalidTask($"{error.Code}: {error.Message}")
            : ValidationResult.ValidTask;
}
