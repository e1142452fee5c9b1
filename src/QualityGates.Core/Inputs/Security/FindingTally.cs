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
/// GHSA by another, on the same package and version, counts once. When two reports of one
/// finding disagree on its severity, the higher one counts.
/// </summary>
internal sealed class FindingTally
{
    // Memory: half a million findings must not outweigh the scan file itself. Identities are kept as 128 bits of
    // their SHA-256 (a SARIF identity holds the whole message); a finding is one small struct in a list, found
    // from any of its identities by index; findings joined by a shared alias are merged as a union-find (a
    // merged finding points at the one it joined), so no finding keeps its list of identities; package names
    // and versions, repeated across findings, are kept once each.
    private readonly Dictionary<UInt128, int> index = [];
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly long[] unidentified = new long[Enum.GetValues<FindingSeverity>().Length];
    private readonly FindingSample sample = new();
    private int unidentifiedNumber;

    /// <summary>The file name of the scan being read, for <see cref="SecurityFinding.ScanFile"/>.</summary>
    public string? ScanFile { get; set; }

    /// <summary>The tool whose findings are being read (a SARIF run's driver, the scanner of other formats), for <see cref="SecurityFinding.Tool"/>.</summary>
    public string? ScanTool { get; set; }

    /// <summary>Adds one finding without an advisory (a secret, a misconfiguration) that reports name by <paramref name="details"/>; a null identity counts every time (nothing to match it on).</summary>
    public void Add(FindingSeverity severity, string? identity, FindingDetails details)
    {
        if (identity is null)
        {
            unidentified[(int)severity]++;
            // Counted every time, so each report is its own finding: numbered below the entries.
            Offer(--unidentifiedNumber, severity, details);
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
        Offer(Merge(severity, keys, advisory, ids, Intern(package), Intern(version)),
            new FindingDetails("package", advisory, package, version) { FixedVersion = string.IsNullOrWhiteSpace(fixedVersion) ? null : fixedVersion });
    }

    /// <summary>
    /// Adds a finding known by its own <paramref name="identities"/> (a SARIF result: one per fingerprint, or its
    /// location identity) that names <paramref name="advisory"/> and its <paramref name="aliases"/>; it is the same
    /// finding as an earlier one that shares any of the identities.
    /// </summary>
    public void AddResult(FindingSeverity severity, IReadOnlyList<string> identities, string advisory, IEnumerable<string> aliases, FindingDetails details) =>
        Offer(Merge(severity, identities, advisory, aliases.Where(a => !string.Equals(a, advisory, StringComparison.OrdinalIgnoreCase)).ToList(), package: null, version: null), details);

    /// <summary>Adds counts that a file states directly (the simple format has no findings to match).</summary>
    public void AddCount(FindingSeverity severity, int count) => unidentified[(int)severity] += count;

    public SecuritySummary ToSummary()
    {
        var counts = (long[])unidentified.Clone();
        foreach (var entry in Counted())
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
    public IReadOnlyList<SecurityFinding> Findings() => Counted()
        .Where(e => e.Advisory is not null)
        .Select(e => new SecurityFinding(e.Advisory!, OtherIds(e), e.Package, e.Version, SeverityNames[(int)e.Severity]) { Kind = e.Package is null ? "result" : "package" })
        .ToList();

    /// <summary>
    /// The counted findings reports name, at most <see cref="SecuritySummary.ListedPerSeverity"/> of each severity,
    /// in report order: severity (highest first), advisory id, package, version.
    /// </summary>
    public IReadOnlyList<SecurityFinding> Listed() => sample.Kept()
        .Select(k => (k.Details, k.Severity, Entry: k.Entry >= 0 ? entries[Root(k.Entry)] : (Entry?)null))
        .Select(k => new SecurityFinding(k.Entry?.Advisory ?? k.Details.Id,
            k.Entry is { } entry ? OtherIds(entry with { Advisory = entry.Advisory ?? k.Details.Id }) : [],
            k.Details.Package, k.Details.Version, SeverityNames[(int)(k.Entry?.Severity ?? k.Severity)])
        {
            Kind = k.Details.Kind,
            FixedVersion = k.Details.FixedVersion,
            ScanFile = k.Details.ScanFile,
            Tool = k.Details.Tool,
            Location = k.Details.Location,
            Message = k.Details.Message,
        })
        .OrderByDescending(f => Array.IndexOf(SeverityNames, f.Severity))
        .ThenBy(f => f.Advisory, StringComparer.OrdinalIgnoreCase)
        .ThenBy(f => f.Package, StringComparer.OrdinalIgnoreCase)
        .ThenBy(f => f.Version, StringComparer.OrdinalIgnoreCase)
        .ThenBy(f => f.Location, StringComparer.OrdinalIgnoreCase)
        .ThenBy(f => f.Message, StringComparer.OrdinalIgnoreCase)
        .GroupBy(f => f.Severity)
        .SelectMany(g => g.Take(SecuritySummary.ListedPerSeverity))
        .ToList();

    private void Offer(int entry, FindingDetails details) => Offer(entry, entries[entry].Severity, details);

    private void Offer(int entry, FindingSeverity severity, FindingDetails details) =>
        sample.Offer(entry, severity, details with { ScanFile = details.ScanFile ?? ScanFile, Tool = details.Tool ?? ScanTool });

    private static readonly string[] SeverityNames = [.. Enum.GetValues<FindingSeverity>().Select(s => s.ToString().ToLowerInvariant())];

    // Most findings have no other id: they share one empty list instead of one each.
    private static IReadOnlyList<string> OtherIds(Entry e) => e.Aliases is null ? []
        : e.Aliases.Where(a => !string.Equals(a, e.Advisory, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The findings that were not merged into another, in the order first seen.</summary>
    private IEnumerable<Entry> Counted() => entries.Where(e => e.JoinedInto < 0);

    private int Merge(FindingSeverity severity, IReadOnlyList<string> keys, string? advisory, IReadOnlyList<string> aliases, string? package, string? version)
    {
        var hashes = keys.Select(k => Hash(k.ToUpperInvariant())).ToList();
        var matched = hashes.Select(h => index.TryGetValue(h, out var at) ? Root(at) : -1).Where(at => at >= 0).Distinct().ToList();
        int target;
        if (matched.Count == 0)
        {
            target = entries.Count;
            entries.Add(new Entry { Severity = severity, Advisory = advisory, Package = package, Version = version, JoinedInto = -1 });
        }
        else
        {
            target = matched[0];
        }

        var entry = entries[target];

        // A new alias can join findings first seen apart (a GHSA from one scanner, its CVE from another).
        foreach (var at in matched.Skip(1))
        {
            var other = entries[at];
            entry.Severity = other.Severity > entry.Severity ? other.Severity : entry.Severity;
            entry.Advisory ??= other.Advisory;
            entry.Aliases = Union(Union(entry.Aliases, other.Aliases), other.Advisory);
            entries[at] = other with { JoinedInto = target, Aliases = null };
            sample.Forget(at);
        }

        entry.Severity = severity > entry.Severity ? severity : entry.Severity;
        entry.Advisory ??= advisory;
        entry.Aliases = Union(Union(entry.Aliases, aliases), entry.Advisory == advisory ? null : advisory);
        entries[target] = entry;
        foreach (var key in hashes)
        {
            index[key] = target;
        }

        return target;
    }

    /// <summary>The finding <paramref name="at"/> was merged into, following the chain (and shortening it).</summary>
    private int Root(int at)
    {
        var root = at;
        while (entries[root].JoinedInto >= 0)
        {
            root = entries[root].JoinedInto;
        }

        while (entries[at].JoinedInto >= 0 && entries[at].JoinedInto != root)
        {
            var next = entries[at].JoinedInto;
            entries[at] = entries[at] with { JoinedInto = root };
            at = next;
        }

        return root;
    }

    /// <summary>The ids of <paramref name="known"/> and <paramref name="more"/>, each once ignoring case (the first spelling kept); null when none.</summary>
    private static string[]? Union(string[]? known, IEnumerable<string?>? more)
    {
        var added = (more ?? []).OfType<string>().Where(id => known is null || !known.Contains(id, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return added.Count == 0 ? known : [.. known ?? [], .. added];
    }

    private static string[]? Union(string[]? known, string? id) => id is null ? known : Union(known, [id]);

    private string Intern(string text) => names.TryGetValue(text, out var kept) ? kept : names[text] = text;

    private static UInt128 Hash(string identity)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(identity), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>One finding: its highest severity, first advisory, other ids (null when none), package and version; <see cref="JoinedInto"/> ≥ 0 once merged into another.</summary>
    private record struct Entry(FindingSeverity Severity, string? Advisory, string[]? Aliases, string? Package, string? Version, int JoinedInto);
}
