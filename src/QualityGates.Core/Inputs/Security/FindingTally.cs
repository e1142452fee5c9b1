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
    private readonly FindingSample sample = new();
    private int unidentifiedNumber;
    private int nextId;

    /// <summary>The file name of the scan being read, for <see cref="SecurityFinding.ScanFile"/>.</summary>
    public string? ScanFile { get; set; }

    /// <summary>Adds one finding without an advisory (a secret, a misconfiguration) that reports name by <paramref name="details"/>; a null identity counts every time.</summary>
    public void Add(FindingSeverity severity, string? identity, FindingDetails details)
    {
        if (identity is null)
        {
            unidentified[(int)severity]++;
            // Counted every time, so each report is its own finding: numbered below the entries.
            Offer(new Entry { Id = --unidentifiedNumber, Severity = severity }, details);
        }
        else
        {
            Offer(Merge(severity, [identity], advisory: null, [], package: null, version: null), details);
        }
    }

    /// <summary>Adds a package finding: <paramref name="advisory"/> (and its <paramref name="aliases"/>) on <paramref name="package"/> at <paramref name="version"/>.</summary>
    public void AddPackage(FindingSeverity severity, string advisory, IEnumerable<string> aliases, string package, string version) =>
        AddPackage(severity, advisory, aliases, package, version, fixedVersion: null);

    /// <summary>As <see cref="AddPackage(FindingSeverity, string, IEnumerable{string}, string, string)"/>, with the version that fixes it when the scanner says.</summary>
    public void AddPackage(FindingSeverity severity, string advisory, IEnumerable<string> aliases, string package, string version, string? fixedVersion)
    {
        var ids = aliases.Where(a => !string.Equals(a, advisory, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var keys = ids.Prepend(advisory).Select(id => FindingKey.Package(id, package, version)).ToList();
        Offer(Merge(severity, keys, advisory, ids, package, version),
            new FindingDetails("package", advisory, package, version) { FixedVersion = string.IsNullOrWhiteSpace(fixedVersion) ? null : fixedVersion });
    }

    /// <summary>Adds a finding with its own identity (a SARIF result) that names <paramref name="advisory"/> and its <paramref name="aliases"/>.</summary>
    public void AddResult(FindingSeverity severity, string identity, string advisory, IEnumerable<string> aliases, FindingDetails details) =>
        Offer(Merge(severity, [identity], advisory, aliases.Where(a => !string.Equals(a, advisory, StringComparison.OrdinalIgnoreCase)).ToList(), package: null, version: null), details);

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
            e.Package, e.Version, SeverityName(e.Severity)) { Kind = e.Package is null ? "result" : "package" })
        .ToList();

    /// <summary>
    /// The counted findings reports name, at most <see cref="SecuritySummary.ListedPerSeverity"/> of each severity,
    /// in report order: severity (highest first), advisory id, package, version.
    /// </summary>
    public IReadOnlyList<SecurityFinding> Listed()
    {
        var byId = entries.ToDictionary(e => e.Id);
        return sample.Kept()
            .Select(k => (k.Details, k.Severity, Entry: byId.GetValueOrDefault(k.Entry)))
            .Select(k => new SecurityFinding(k.Entry?.Advisory ?? k.Details.Id,
                k.Entry is null ? [] : k.Entry.Aliases.Where(a => !string.Equals(a, k.Entry.Advisory ?? k.Details.Id, StringComparison.OrdinalIgnoreCase)).ToList(),
                k.Details.Package, k.Details.Version, SeverityName(k.Entry?.Severity ?? k.Severity))
            {
                Kind = k.Details.Kind,
                FixedVersion = k.Details.FixedVersion,
                ScanFile = k.Details.ScanFile,
                Location = k.Details.Location,
                Message = k.Details.Message,
            })
            .OrderByDescending(f => Enum.Parse<FindingSeverity>(f.Severity, ignoreCase: true))
            .ThenBy(f => f.Advisory, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Package, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Version, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Location, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Message, StringComparer.OrdinalIgnoreCase)
            .GroupBy(f => f.Severity)
            .SelectMany(g => g.Take(SecuritySummary.ListedPerSeverity))
            .ToList();
    }

    private void Offer(Entry entry, FindingDetails details) =>
        sample.Offer(entry.Id, entry.Severity, details.ScanFile is null ? details with { ScanFile = ScanFile } : details);

    private Entry Merge(FindingSeverity severity, IReadOnlyList<string> keys, string? advisory, IReadOnlyList<string> aliases, string? package, string? version)
    {
        var hashes = keys.Select(k => Hash(k.ToUpperInvariant())).ToList();
        var matched = hashes.Select(index.GetValueOrDefault).OfType<Entry>().Distinct().ToList();
        var entry = matched.FirstOrDefault();
        if (entry is null)
        {
            entry = new Entry { Id = nextId++, Severity = severity, Advisory = advisory, Package = package, Version = version };
            entries.Add(entry);
        }

        // A new alias can join findings first seen apart (a GHSA from one scanner, its CVE from another).
        foreach (var other in matched.Skip(1))
        {
            entry.Absorb(other);
            entries.Remove(other);
            sample.Forget(other.Id);
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

        return entry;
    }

    private static UInt128 Hash(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static string SeverityName(FindingSeverity severity) => severity.ToString().ToLowerInvariant();

    private sealed class Entry
    {
        public int Id { get; init; }
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
