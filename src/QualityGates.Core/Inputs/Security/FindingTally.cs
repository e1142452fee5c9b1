using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Counts findings by severity across every file of one read, once per identity
/// (see <see cref="FindingKey"/>). A package finding is known under each of its advisory ids (its own and
/// the CVE/GHSA aliases its scanner gave), so the same advisory reported as a CVE by one scanner and as a
/// GHSA by another, on the same package and version, counts once (issue 13). When two reports of one
/// finding disagree on its severity, the higher one counts.
/// </summary>
internal sealed class FindingTally
{
    // Identities are kept as 128 bits of their SHA-256, not as text: a SARIF identity holds the whole message,
    // and half a million of them would otherwise outweigh the scan (issue 16, kind 11).
    private readonly Dictionary<UInt128, Entry> index = [];
    private readonly List<Entry> entries = [];
    private readonly long[] unidentified = new long[Enum.GetValues<FindingSeverity>().Length];

    /// <summary>Adds one finding without an advisory (a secret, a misconfiguration); a null identity counts every time (nothing to match it on).</summary>
    public void Add(FindingSeverity severity, string? identity)
    {
        if (identity is null)
        {
            unidentified[(int)severity]++;
        }
        else
        {
            Merge(severity, [identity], advisory: null, [], package: null, version: null);
        }
    }

    /// <summary>Adds a package finding: <paramref name="advisory"/> (and its <paramref name="aliases"/>) on <paramref name="package"/> at <paramref name="version"/>.</summary>
    public void AddPackage(FindingSeverity severity, string advisory, IEnumerable<string> aliases, string package, string version)
    {
        var ids = aliases.Where(a => !string.Equals(a, advisory, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var keys = ids.Prepend(advisory).Select(id => FindingKey.Package(id, package, version)).ToList();
        Merge(severity, keys, advisory, ids, package, version);
    }

    /// <summary>Adds a finding with its own identity (a SARIF result) that names <paramref name="advisory"/> and its <paramref name="aliases"/>.</summary>
    public void AddResult(FindingSeverity severity, string identity, string advisory, IEnumerable<string> aliases) =>
        Merge(severity, [identity], advisory, aliases.Where(a => !string.Equals(a, advisory, StringComparison.OrdinalIgnoreCase)).ToList(), package: null, version: null);

    /// <summary>Adds counts that a file states directly (the simple format has no findings to match).</summary>
    public void AddCount(FindingSeverity severity, int count) => unidentified[(int)severity] += count;

    public SecuritySummary ToSummary()
    {
        var counts = (long[])unidentified.Clone();
        foreach (var entry in entries)
        {
            counts[(int)entry.Severity]++;
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

    /// <summary>The counted findings that carry an advisory, in the order first seen.</summary>
    public IReadOnlyList<SecurityFinding> Findings() => entries
        .Where(e => e.Advisory is not null)
        .Select(e => new SecurityFinding(e.Advisory!, e.Aliases.Where(a => !string.Equals(a, e.Advisory, StringComparison.OrdinalIgnoreCase)).ToList(),
            e.Package, e.Version, e.Severity.ToString().ToLowerInvariant()))
        .ToList();

    private void Merge(FindingSeverity severity, IReadOnlyList<string> keys, string? advisory, IReadOnlyList<string> aliases, string? package, string? version)
    {
        var hashes = keys.Select(k => Hash(k.ToUpperInvariant())).ToList();
        var matched = hashes.Select(index.GetValueOrDefault).OfType<Entry>().Distinct().ToList();
        var entry = matched.FirstOrDefault();
        if (entry is null)
        {
            entry = new Entry { Severity = severity, Advisory = advisory, Package = package, Version = version };
            entries.Add(entry);
        }

        // A new alias can join findings first seen apart (a GHSA from one scanner, its CVE from another).
        foreach (var other in matched.Skip(1))
        {
            entry.Absorb(other);
            entries.Remove(other);
            foreach (var key in other.Keys)
            {
                index[key] = entry;
            }
        }

        entry.Severity = severity > entry.Severity ? severity : entry.Severity;
        entry.Advisory ??= advisory;
        entry.Aliases.UnionWith(aliases);
        if (advisory is not null)
        {
            entry.Aliases.Add(advisory);
        }

        foreach (var key in hashes)
        {
            entry.Keys.Add(key);
            index[key] = entry;
        }
    }

    private static UInt128 Hash(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private sealed class Entry
    {
        public FindingSeverity Severity { get; set; }
        public string? Advisory { get; set; }
        public string? Package { get; init; }
        public string? Version { get; init; }
        public SortedSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<UInt128> Keys { get; } = [];

        public void Absorb(Entry other)
        {
            Severity = other.Severity > Severity ? other.Severity : Severity;
            Advisory ??= other.Advisory;
            Aliases.UnionWith(other.Aliases);
            Keys.AddRange(other.Keys);
        }
    }
}
