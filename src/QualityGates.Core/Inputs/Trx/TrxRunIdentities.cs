using System.Security.Cryptography;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Tells a copy of a TRX file from another run, so CI artifacts downloaded twice (the same file under two
/// folders) count once while the shards of one suite (each its own run) all count. A run is known by its
/// <c>TestRun id</c>, a GUID VSTest and Microsoft.Testing.Platform write anew for every run; two files
/// with the same id are the same run only when their bytes are the same too (compared by SHA-256, only
/// when the ids meet). Two files with one id and different bytes prove nothing (a tool may write a fixed
/// id): both count, and the caller warns (QG0021). A file without an id is known by its bytes alone.
/// </summary>
internal sealed class TrxRunIdentities
{
    private readonly Dictionary<string, string> _byRunId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    /// <summary>
    /// The earlier file holding the same run as <paramref name="path"/> (null when its run is new), and the
    /// earlier file with the same <c>TestRun id</c> but other bytes (null when there is none).
    /// </summary>
    public (string? SameRunAs, string? RunIdSharedWith) Identify(string path, TestRunSummary summary)
    {
        if (summary.RunId is { } id && _byRunId.TryAdd(id, path))
        {
            return (null, null); // a new run: its bytes need no reading
        }

        // An id met before, or no id: the bytes decide.
        var first = summary.RunId is { } seen ? _byRunId[seen] : null;
        if (first is not null)
        {
            _byContent.TryAdd(HashOf(first), first);
        }

        var hash = HashOf(path);
        return _byContent.TryAdd(hash, path) ? (null, first) : (_byContent[hash], null);
    }

    private string HashOf(string path)
    {
        if (!_hashes.TryGetValue(path, out var hash))
        {
            using var stream = InputFile.OpenRead(path);
            hash = Convert.ToHexString(SHA256.HashData(stream));
            _hashes.Add(path, hash);
        }

        return hash;
    }
}
