using System.CommandLine;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;

namespace QualityGates.Cli;

/// <summary>
/// One <c>qualitygates check</c> option per setting of the catalogue that has a CLI name (and a hidden one
/// per deprecated name), typed by the setting's shape; <see cref="Read"/> hands what was given to the
/// catalogue, which checks it as every adapter does.
/// </summary>
internal sealed class SettingOptions
{
    private readonly List<(Option Option, string Name)> _options = [];

    public SettingOptions()
    {
        foreach (var setting in SettingsCatalogue.All.Where(s => s.Cli is not null))
        {
            _options.Add((Create(setting, setting.Cli!, setting.CliShort, hidden: false), setting.Cli!));
            foreach (var alias in setting.Aliases.Where(a => a.Cli is not null))
            {
                _options.Add((Create(setting, alias.Cli!, null, hidden: true), alias.Cli!));
            }
        }
    }

    public IEnumerable<Option> All => _options.Select(o => o.Option);

    /// <summary>The settings given on the command line, checked by the catalogue.</summary>
    public SettingValues Read(ParseResult result)
    {
        var layer = new SettingLayer(Adapter.Cli, fromCommandLine: true);
        foreach (var (option, name) in _options.Where(o => result.GetResult(o.Option) is { Implicit: false }))
        {
            switch (option)
            {
                case Option<string[]> list:
                    layer.Add(name, result.GetValue(list) ?? []);
                    break;
                case Option<string> text:
                    layer.Add(name, result.GetValue(text));
                    break;
                case Option<bool> flag:
                    layer.Add(name, result.GetValue(flag) ? "true" : "false");
                    break;
                case Option<bool?> optional:
                    layer.Add(name, result.GetValue(optional) is { } value ? value ? "true" : "false" : "true");
                    break;
            }
        }

        return SettingValues.Read(Adapter.Cli, layer);
    }

    private static Option Create(Setting setting, string name, string? shortName, bool hidden)
    {
        string[] aliases = shortName is null ? [] : [shortName];
        var description = setting.Default is { } value ? $"{setting.Description} Default: {value}." : setting.Description;
        if (setting.DocsPage is { } page)
        {
            description += $" See {DocumentationLinks.Page(page)}.";
        }

        return setting.Kind.Shape switch
        {
            SettingShape.Switch => new Option<bool>(name, aliases) { Description = description, Hidden = hidden },
            SettingShape.OptionalSwitch => new Option<bool?>(name, aliases) { Description = description, Hidden = hidden, HelpName = setting.Kind.Placeholder },
            SettingShape.List => new Option<string[]>(name, aliases) { Description = description + " Repeatable.", Hidden = hidden, HelpName = setting.Kind.Placeholder },
            _ => new Option<string>(name, aliases) { Description = description, Hidden = hidden, HelpName = setting.Kind.Placeholder },
        };
    }
}
