using QualityGates.Metrics;

namespace QualityGates.Inputs.Security;

/// <summary>
/// What reports name of the counted findings: the details of at most <see cref="SecuritySummary.ListedPerSeverity"/>
/// findings of each severity, those first in report order (advisory id, then package, then version, ignoring
/// case), so a scan of any size keeps a bounded amount of text, whatever its size. Findings are known by the
/// tally's entry number; the tally says when one joins another or changes severity.
/// </summary>
internal sealed class FindingSample
{
    private readonly Dictionary<int, Held> kept = [];
    private readonly SortedSet<Held>[] bySeverity = Enum.GetValues<FindingSeverity>().Select(_ => new SortedSet<Held>(HeldOrder.Instance)).ToArray();

    /// <summary>One report of finding <paramref name="entry"/>, now of <paramref name="severity"/>: kept when it is among the first of its severity.</summary>
    public void Offer(int entry, FindingSeverity severity, FindingDetails details)
    {
        if (kept.TryGetValue(entry, out var known))
        {
            var merged = known with { Severity = severity, Details = known.Details.Fill(details) };
            if (known.Severity == severity)
            {
                kept[entry] = merged;
                bySeverity[(int)severity].Remove(known);
                bySeverity[(int)severity].Add(merged);
                return;
            }

            Forget(entry);
            details = merged.Details;
        }

        var set = bySeverity[(int)severity];
        var candidate = new Held(entry, severity, details);
        if (set.Count >= SecuritySummary.ListedPerSeverity)
        {
            if (HeldOrder.Instance.Compare(candidate, set.Max!) >= 0)
            {
                return;
            }

            kept.Remove(set.Max!.Entry);
            set.Remove(set.Max!);
        }

        set.Add(candidate);
        kept[entry] = candidate;
    }

    /// <summary>Drops finding <paramref name="entry"/> (it joined another).</summary>
    public void Forget(int entry)
    {
        if (kept.Remove(entry, out var known))
        {
            bySeverity[(int)known.Severity].Remove(known);
        }
    }

    /// <summary>The kept findings: entry number, severity when last reported, and details.</summary>
    public IEnumerable<(int Entry, FindingSeverity Severity, FindingDetails Details)> Kept() => kept.Values.Select(k => (k.Entry, k.Severity, k.Details));

    private sealed record Held(int Entry, FindingSeverity Severity, FindingDetails Details);

    private sealed class HeldOrder : IComparer<Held>
    {
        public static readonly HeldOrder Instance = new();

        public int Compare(Held? x, Held? y) =>
            x is null || y is null ? Comparer<object>.Default.Compare(x, y)
            : FindingDetails.Compare(x.Details, y.Details) is var order && order != 0 ? order : x.Entry.CompareTo(y.Entry);
    }
}

/// <summary>What tells one finding apart, for reports: see <see cref="SecurityFinding"/> for each part.</summary>
internal sealed record FindingDetails(string Kind, string Id, string? Package, string? Version)
{
    public string? FixedVersion { get; init; }
    public string? ScanFile { get; init; }
    public string? Tool { get; init; }
    public string? Location { get; init; }
    public string? Message { get; init; }

    /// <summary>Longest message kept.</summary>
    public const int MessageLength = 200;

    /// <summary>A secret, misconfiguration or SARIF result: <paramref name="id"/> is the rule or check, at <paramref name="target"/> line <paramref name="line"/> (and <paramref name="column"/> when not 0).</summary>
    public static FindingDetails At(string kind, string id, string target, int line, string? message, int column = 0) => new(kind, id, null, null)
    {
        Location = target.Length == 0 ? null
            : line <= 0 ? target
            : column > 0 ? FormattableString.Invariant($"{target}:{line}:{column}") : FormattableString.Invariant($"{target}:{line}"),
        Message = Shorten(message),
    };

    /// <summary>Report order: id, package, version, location, message (ordinal, ignoring case).</summary>
    public static int Compare(FindingDetails x, FindingDetails y)
    {
        var text = StringComparer.OrdinalIgnoreCase;
        var order = text.Compare(x.Id, y.Id);
        order = order != 0 ? order : text.Compare(x.Package, y.Package);
        order = order != 0 ? order : text.Compare(x.Version, y.Version);
        order = order != 0 ? order : text.Compare(x.Location, y.Location);
        return order != 0 ? order : text.Compare(x.Message, y.Message);
    }

    /// <summary>These details, with parts this report lacks taken from <paramref name="other"/> (a fixed version only one scanner gave).</summary>
    public FindingDetails Fill(FindingDetails other) => this with
    {
        FixedVersion = FixedVersion ?? other.FixedVersion,
        Location = Location ?? other.Location,
        Message = Message ?? other.Message,
    };

    /// <summary>The message on one line (line breaks become spaces), cut to <see cref="MessageLength"/> characters with "…"; null when blank.</summary>
    public static string? Shorten(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var line = message.Trim().ReplaceLineEndings(" ");
        return line.Length <= MessageLength ? line : string.Concat(line.AsSpan(0, MessageLength - 1), "…");
    }
}
