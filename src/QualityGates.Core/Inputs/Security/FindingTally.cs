using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Counts findings by severity across every file of one read, once per identity
/// (see <see cref="FindingKey"/>). When two reports of one finding disagree on its severity, the
/// higher one counts.
/// </summary>
internal sealed class FindingTally
{
    private readonly Dictionary<string, FindingSeverity> identified = new(StringComparer.Ordinal);
    private readonly long[] unidentified = new long[Enum.GetValues<FindingSeverity>().Length];

    /// <summary>Adds one finding; a null identity counts every time (nothing to match it on).</summary>
    public void Add(FindingSeverity severity, string? identity)
    {
        if (identity is null)
        {
            unidentified[(int)severity]++;
        }
        else if (!identified.TryGetValue(identity, out var seen) || severity > seen)
        {
            identified[identity] = severity;
        }
    }

    /// <summary>Adds counts that a file states directly (the simple format has no findings to match).</summary>
    public void AddCount(FindingSeverity severity, int count) => unidentified[(int)severity] += count;

    public SecuritySummary ToSummary()
    {
        var counts = (long[])unidentified.Clone();
        foreach (var severity in identified.Values)
        {
            counts[(int)severity]++;
        }

        if (counts.Sum() > int.MaxValue)
        {
            throw new QualityGatesException(ErrorCodes.InputValueOutOfRange, FormattableString.Invariant($"The security scans add up to {counts.Sum()} findings, more than can be counted."));
        }

        return new SecuritySummary
        {
            Critical = (int)counts[(int)FindingSeverity.Critical],
            High = (int)counts[(int)FindingSeverity.High],
            Medium = (int)counts[(int)FindingSeverity.Medium],
            Low = (int)counts[(int)FindingSeverity.Low],
            Unknown = (int)counts[(int)FindingSeverity.Unknown],
        };
    }
}
