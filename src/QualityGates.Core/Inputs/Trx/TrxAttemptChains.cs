namespace QualityGates.Inputs.Trx;

/// <summary>
/// The attempts of retried tests within one TRX file. A writer shows a retried test's attempts as top-level
/// results of the same test (<c>testId</c>) with the same name (<c>testName</c>); a retry only ever follows a
/// failure, so such results are attempts of one test when every one but the last (by <c>startTime</c>, else
/// file order) failed. The test then counts once, by its last attempt, and is flaky when that one passed.
/// Results of one test id whose names differ are data rows (xunit gives the rows of a theory it cannot
/// enumerate one shared id), and repeats that break the pattern are separate results: both count as before.
/// Memory: one small entry per top-level result (a 128-bit id and a 64-bit hash of the name), a name only for a test seen twice.
/// </summary>
internal sealed class TrxAttemptChains
{
    private readonly Dictionary<TrxTestKey, Chain> chains = new();
    private long order;

    /// <summary>Notes a top-level result of test <paramref name="key"/> and says how it counts.</summary>
    public TrxAttempt Add(TrxTestKey? key, TrxOutcomeKind kind, DateTimeOffset? start, string? name)
    {
        order++;
        if (key is not { } known)
        {
            return TrxAttempt.First;
        }

        // A result with no start time is taken to follow what came before it in the file.
        var when = (start?.UtcTicks ?? long.MaxValue, order);
        if (!chains.TryGetValue(known, out var chain))
        {
            chains.Add(known, new Chain(when, kind, Attempts: 1, Broken: false, Name: null));
            return TrxAttempt.First;
        }

        if (chain.Broken)
        {
            return TrxAttempt.First;
        }

        if (when.CompareTo(chain.Latest) >= 0)
        {
            if (chain.LatestKind != TrxOutcomeKind.Failed)
            {
                chains[known] = chain with { Broken = true };
                return TrxAttempt.First;
            }

            chains[known] = chain with { Latest = when, LatestKind = kind, Attempts = chain.Attempts + 1, Name = name ?? string.Empty };
            return TrxAttempt.Later;
        }

        if (kind != TrxOutcomeKind.Failed)
        {
            chains[known] = chain with { Broken = true };
            return TrxAttempt.First;
        }

        chains[known] = chain with { Attempts = chain.Attempts + 1, Name = name ?? string.Empty };
        return TrxAttempt.Earlier;
    }

    /// <summary>The tests whose last attempt passed after a failed one, in the order first seen.</summary>
    public IReadOnlyList<(string Name, int Attempts)> Flaky() => chains.Values
        .Where(c => !c.Broken && c.Attempts > 1 && c.LatestKind == TrxOutcomeKind.Passed)
        .OrderBy(c => c.First)
        .Select(c => (c.Name!, c.Attempts))
        .ToList();

    private readonly record struct Chain((long Ticks, long Order) Latest, TrxOutcomeKind LatestKind, int Attempts, bool Broken, string? Name)
    {
        public long First { get; init; } = Latest.Order;
    }
}

/// <summary>How a top-level result counts: a test of its own (or its first attempt), a later attempt that replaces the one counted, or an earlier attempt a later one already replaced.</summary>
internal enum TrxAttempt
{
    First,
    Later,
    Earlier,
}

/// <summary>A test's identity within one TRX file: its <c>testId</c> (as 128 bits when it is a GUID) and a 64-bit hash of its name.</summary>
internal readonly record struct TrxTestKey(UInt128 Id, ulong Name)
{
    public static TrxTestKey Of(string testId, string testName) =>
        new(Guid.TryParse(testId, out var guid) ? ToUInt128(guid) : Hash(testId) | ((UInt128)Hash("id:" + testId) << 64), Hash(testName));

    private static UInt128 ToUInt128(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes);
    }

    // FNV-1a over the UTF-16 code units: stable, and 64 bits keep a collision among 100,000 names below one in a billion.
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
