using System.CommandLine;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary>One <c>--min-test-pass-rate</c>-style option per threshold in the catalog.</summary>
internal sealed class ThresholdOptions
{
    private readonly List<(ThresholdDefinition Definition, Option<string> Option)> _options;

    public ThresholdOptions()
    {
        _options = ThresholdCatalog.All
            .Select(d => (d, new Option<string>("--" + KebabCase(d.Name)) { Description = $"Override: {d.Meaning}.", HelpName = HelpNameOf(d.Kind) }))
            .ToList();
    }

    public IEnumerable<Option> All => _options.Select(o => (Option)o.Option);

    /// <summary>The overrides the user gave, named as options in errors.</summary>
    public IReadOnlyList<ThresholdOverride> Read(ParseResult result) => _options
        .Select(o => (o.Definition, o.Option, Value: result.GetValue(o.Option)))
        .Where(o => o.Value is not null)
        .Select(o => new ThresholdOverride(o.Definition.Name, o.Value, o.Option.Name))
        .ToList();

    private static string HelpNameOf(ThresholdKind kind) => kind switch
    {
        ThresholdKind.Fraction => "0-1",
        ThresholdKind.Count => "count",
        _ => "number",
    };

    internal static string KebabCase(string name)
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
