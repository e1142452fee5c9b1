using System.Security.Cryptography;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Tells a copy of a TRX file from another run, so CI artifacts downloaded twice (the same file under two
/// folders) count once while the shards of one suite (each its own run) all count. A run is known by its
/// <c>TestRun id</c>, a GUID VSTest and Microsoft.Testing.Platform write anew for every run; two files
/// with the same id are the same run only when their bytes are the same too (compared by SHA-256, only
/// when the ids meet). A file without an id is known by its bytes alone.
/// </summary>
internal sealed class TrxRunIdentities
{
    private readonly Dictionary<string, string> _byRunId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    /// <summary>The earlier file holding the same run as <paramref name="path"/>, or null when its run is new.</summary>
    /// <exception cref="QualityGatesException">
    /// <see cref="ErrorCodes.ConflictingTestRunFiles"/> (QG0021): an earlier file has the same <c>TestRun id</c>
    /// but other content, so which one tells the run's figures would be a guess.
    /// </exception>
    public string? SameRunAs(string path, TestRunSummary summary)
    {
        if (summary.RunId is { } id)
        {
            if (_byRunId.TryAdd(id, path))
            {
                return null;
            }

            var first = _byRunId[id];
            return HashOf(first) == HashOf(path) ? first
                : throw new QualityGatesException(ErrorCodes.ConflictingTestRunFiles,
                    $"'{path}' and '{first}' are both TRX files of test run {id}, but their contents differ, so the run's figures would be a guess; give only one of them (a copy of a file counts once by itself).",
                    path);
        }

        var hash = HashOf(path);
        return _byContent.TryAdd(hash, path) ? null : _byContent[hash];
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
