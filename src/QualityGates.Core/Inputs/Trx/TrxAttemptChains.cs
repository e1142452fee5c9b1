namespace QualityGates.Inputs.Trx;

/// <summary>
/// The attempts of retried tests within one TRX file. A writer shows a retried test's attempts as top-level
/// results of the same test (<c>testId</c>) with the same name (<c>testName</c>); a retry only ever follows a
/// failure, so such results are attempts of one test when every one but the last (by <c>startTime</c>, else
/// file order) failed. The test then counts once, by its last attempt, and is flaky when that one passed.
/// Results of one test id whose names differ are data rows (xunit gives the rows of a theory it cannot
/// enumerate one shared id), and repeats that break the pattern are separate results: both count as before.
/// Memory: 16 bytes of key and start per top-level result; a test seen twice gets a small entry with its name.
/// </summary>
internal sealed class TrxAttemptChains
{
    private const long NoStart = long.MaxValue >> 2;

    // Each test's first result: its start (ticks, or NoStart) with the outcome kind in the two low bits.
    private readonly Dictionary<TrxTestKey, long> firsts = new();
    private readonly Dictionary<TrxTestKey, Chain> repeated = new();

    /// <summary>Notes a top-level result of test <paramref name="key"/> and says how it counts.</summary>
    public TrxAttempt Add(TrxTestKey? key, TrxOutcomeKind kind, DateTimeOffset? start, string? name)
    {
        if (key is not { } known)
        {
            return TrxAttempt.First;
        }

        // A result with no start time is taken to follow what came before it in the file.
        var when = start is { } s ? Math.Min(s.UtcTicks, NoStart) : NoStart;
        if (!repeated.TryGetValue(known, out var chain))
        {
            if (firsts.TryAdd(known, (when << 2) | (long)kind))
            {
                return TrxAttempt.First;
            }

            var first = firsts[known];
            chain = new Chain(first >> 2, (TrxOutcomeKind)(first & 3), Attempts: 1, Broken: false, name ?? string.Empty, repeated.Count);
        }

        if (chain.Broken)
        {
            return TrxAttempt.First;
        }

        if (when >= chain.Latest)
        {
            if (chain.LatestKind != TrxOutcomeKind.Failed)
            {
                repeated[known] = chain with { Broken = true };
                return TrxAttempt.First;
            }

            repeated[known] = chain with { Latest = when, LatestKind = kind, Attempts = chain.Attempts + 1 };
            return TrxAttempt.Later;
        }

        if (kind != TrxOutcomeKind.Failed)
        {
            repeated[known] = chain with { Broken = true };
            return TrxAttempt.First;
        }

        repeated[known] = chain with { Attempts = chain.Attempts + 1 };
        return TrxAttempt.Earlier;
    }

    /// <summary>The tests whose last attempt passed after a failed one, in the order their repeats were first seen.</summary>
    public IReadOnlyList<(string Name, int Attempts)> Flaky() => repeated.Values
        .Where(c => !c.Broken && c.Attempts > 1 && c.LatestKind == TrxOutcomeKind.Passed)
        .OrderBy(c => c.Seen)
        .Select(c => (c.Name, c.Attempts))
        .ToList();

    private readonly record struct Chain(long Latest, TrxOutcomeKind LatestKind, int Attempts, bool Broken, string Name, int Seen);
}

/// <summary>How a top-level result counts: a test of its own (or its first attempt), a later attempt that replaces the one counted, or an earlier attempt a later one already replaced.</summary>
internal enum TrxAttempt
{
    First,
    Later,
    Earlier,
}

/// <summary>A test's identity within one TRX file: a 64-bit hash of its <c>testId</c> and <c>testName</c> (a collision among 100,000 tests is below one in a billion).</summary>
internal readonly record struct TrxTestKey(ulong Hash)
{
    public static TrxTestKey Of(string testId, string testName)
    {
        // FNV-1a over the UTF-16 code units of the id, a separator and the name: stable across runs and machines.
        var hash = 14695981039346656037UL;
        foreach (var c in testId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ 0x1f) * 1099511628211UL;
        foreach (var c in testName)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new TrxTestKey(hash);
    }
}
