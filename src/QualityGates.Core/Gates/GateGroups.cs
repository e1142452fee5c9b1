using QualityGates.Errors;

namespace QualityGates.Gates;

/// <summary>
/// Reads the groups of checks a run selects (<c>QualityGatesChecks</c>, the CLI's <c>--checks</c>): a
/// list of <c>Tests</c>, <c>Coverage</c>, <c>Model</c>, <c>Security</c> or <c>All</c>, case-insensitive,
/// each value possibly <c>;</c>-separated, and the default both adapters share.
/// </summary>
internal static class GateGroups
{
    private static readonly IReadOnlyList<(string Name, GateGroup Group)> Names = new[]
    {
        ("All", GateGroup.All),
        ("Tests", GateGroup.Tests),
        ("Coverage", GateGroup.Coverage),
        ("Model", GateGroup.Model),
        ("Security", GateGroup.Security),
        ("Benchmarks", GateGroup.Benchmarks),
    };

    /// <summary>
    /// The groups when none are named: tests and coverage always; model and security checks only when
    /// their files are named, so a plain test project is not shown eight checks it never had inputs for;
    /// benchmarks always, since their checks run only when benchmark files are named anyway.
    /// </summary>
    public static GateGroup Default(bool modelFilesNamed, bool securityScansNamed) =>
        GateGroup.Tests | GateGroup.Coverage | GateGroup.Benchmarks
        | (modelFilesNamed ? GateGroup.Model : GateGroup.None)
        | (securityScansNamed ? GateGroup.Security : GateGroup.None);

    /// <summary>Parses the groups; an empty list means <paramref name="whenEmpty"/>.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> (QG0009) for an unknown group, naming <paramref name="property"/>.</exception>
    public static GateGroup Parse(IReadOnlyList<string> values, string property, GateGroup whenEmpty)
    {
        var groups = GateGroup.None;
        foreach (var raw in values.SelectMany(v => v.Split(';')))
        {
            var text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var match = Names.FirstOrDefault(n => string.Equals(n.Name, text, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new QualityGatesException(ErrorCodes.InvalidSetting,
                    $"{property} contains '{text}', which is not a group of checks; use any of: {string.Join(", ", Names.Select(n => n.Name))}, separated by ';'.");
            }

            groups |= match.Group;
        }

        return groups == GateGroup.None ? whenEmpty : groups;
    }
}
