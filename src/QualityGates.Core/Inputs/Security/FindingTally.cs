using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Counts findings by severity across every file of one read, once per identity
/// (see <see cref="FindingKey"/>). When two reports of one finding disagree on its severity, the
/// higher one counts. An identity is kept as the first 128 bits of its SHA-256, not as text: a scan of
/// 500 000 findings then costs about 16 MB here rather than its keys' text (issue 16, kind 11); a
/// collision, which would merge two findings, is not something a crafted scan can arrange.
/// </summary>
internal sealed class FindingTally
{
    private readonly Dictionary<UInt128, FindingSeverity> identified = [];
    private readonly long[] unidentified = new long[Enum.GetValues<FindingSeverity>().Length];

    /// <summary>Adds one finding; a null identity counts every time (nothing to match it on).</summary>
    public void Add(FindingSeverity severity, string? identity)
    {
        if (identity is null)
        {
            unidentified[(int)severity]++;
        }
        else
        {
            var key = Hash(identity);
            if (!identified.TryGetValue(key, out var seen) || severity > seen)
            {
                identified[key] = severity;
            }
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

    private static UInt128 Hash(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
