using QualityGates.Metrics;

namespace QualityGates.Waivers;

/// <summary>
/// Advisory waivers by every id they name (ignoring case), so matching findings to waivers costs a look-up
/// per finding id, not a pass over every waiver: findings and waivers both come by the thousand.
/// </summary>
internal sealed class AdvisoryWaivers
{
    private readonly Dictionary<string, List<(int Order, Waiver Waiver)>> _byId = new(StringComparer.OrdinalIgnoreCase);

    public AdvisoryWaivers(IEnumerable<Waiver> waivers)
    {
        var order = 0;
        foreach (var waiver in waivers)
        {
            if (waiver.Advisory is { } id)
            {
                if (!_byId.TryGetValue(id, out var list))
                {
                    _byId[id] = list = [];
                }

                list.Add((order, waiver));
            }

            order++;
        }
    }

    /// <summary>The first waiver (in file order) that covers <paramref name="finding"/>, or null.</summary>
    public Waiver? First(SecurityFinding finding) =>
        Candidates(finding).Where(c => c.Waiver.Covers(finding)).OrderBy(c => c.Order).Select(c => c.Waiver).FirstOrDefault();

    /// <summary>Every waiver that covers one of <paramref name="findings"/>.</summary>
    public HashSet<Waiver> Covering(IEnumerable<SecurityFinding> findings) =>
        findings.SelectMany(f => Candidates(f).Where(c => c.Waiver.Covers(f)).Select(c => c.Waiver)).ToHashSet();

    private IEnumerable<(int Order, Waiver Waiver)> Candidates(SecurityFinding finding) =>
        finding.Aliases.Prepend(finding.Advisory).SelectMany(id => _byId.GetValueOrDefault(id) ?? []);
}
