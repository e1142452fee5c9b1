using System.Buffers;
using System.Security.Cryptography;

namespace QualityGates.Files;

/// <summary>
/// Whole-file writes that no reader ever sees half done: the content goes to a hidden temp file in
/// the same folder (so the final rename never crosses a file system), is flushed to disk, and only
/// then is renamed to its name. A failed write deletes its temp file and leaves nothing behind.
/// Writing and renaming are separate steps (<see cref="Stage"/>, <see cref="StagedFile.Publish"/>),
/// so a set of files can be written aside first and published only when all of them were written.
/// Callers check the destination's kind (<see cref="FileKinds.EnsureWritable"/>) and turn the raw
/// I/O exceptions into coded errors naming the path.
/// </summary>
internal static class AtomicFile
{
    private const int ReplaceAttempts = 5;

    /// <summary>
    /// How old a staged file must be before another run takes it for abandoned: a run publishes its staged
    /// files within seconds of writing them (after at most a lock wait), so an hour leaves every live run alone.
    /// </summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);


    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing any file there.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        using var staged = Stage(path, content);
        staged.Publish();
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> only if no file has that name;
    /// returns false (writing nothing) when one does.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        using var staged = Stage(path, content);
        return staged.TryPublishNew();
    }

    /// <summary>Writes <paramref name="content"/> to a temp file beside <paramref name="path"/>; nothing is visible under <paramref name="path"/> yet.</summary>
    public static StagedFile Stage(string path, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // Hidden and with a .tmp extension, so globs like report-*.json never pick one up.
        var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + RandomNumberGenerator.GetHexString(8, lowercase: true) + ".tmp");
        try
        {
            // CreateNew (O_EXCL): never opens through a link planted under the temp name.
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }

        return new StagedFile(path, temp);
    }

    /// <summary>
    /// Deletes the staged files in <paramref name="folder"/> that a killed run left behind: regular files
    /// whose names have the shape <see cref="Stage"/> gives (<c>.latest.json.1f3a9c0e.tmp</c>) and that were
    /// last written more than <paramref name="age"/> ago (default <see cref="AbandonedAfter"/>), so another
    /// run's file that is still being published is never touched. Links and anything else are left alone;
    /// a file that cannot be deleted stays for a later run. Returns how many were deleted.
    /// </summary>
    public static int RemoveAbandoned(string folder, TimeSpan? age = null, DateTime? nowUtc = null)
    {
        var before = (nowUtc ?? DateTime.UtcNow) - (age ?? AbandonedAfter);
        var removed = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var path in candidates)
        {
            var name = Path.GetFileName(path);
            if (!IsStagedName(name) || FileKinds.Of(path) != FileKind.Regular)
            {
                continue;
            }

            try
            {
                if (File.GetLastWriteTimeUtc(path) < before)
                {
                    File.Delete(path);
                    removed++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run removed it first, or it is not ours to remove.
            }
        }

        return removed;
    }

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>True for <c>.&lt;name&gt;.&lt;8 lower-case hex digits&gt;.tmp</c>.</summary>
    internal static bool IsStagedName(string name) =>
        name.Length > ".x.12345678.tmp".Length - 1 && name[0] == '.' && name.EndsWith(".tmp", StringComparison.Ordinal)
        && name[^13] == '.' && name.AsSpan(name.Length - 12, 8).IndexOfAnyExcept(LowerHexDigits) < 0;

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting.
        }
    }

    /// <summary>A file written aside, waiting to be renamed to its name; disposing an unpublished one deletes it.</summary>
    internal sealed class StagedFile(string path, string temp) : IDisposable
    {
        private bool _published;

        /// <summary>The name the file gets when published.</summary>
        public string Path { get; } = path;

        /// <summary>Renames the temp file to <see cref="Path"/>, replacing any file there (a rename never writes through a link).</summary>
        public void Publish()
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    File.Move(temp, Path, overwrite: true);
                    _published = true;
                    return;
                }
                catch (Exception ex) when (attempt < ReplaceAttempts && OperatingSystem.IsWindows()
                    && (ex is UnauthorizedAccessException || (ex is IOException io && FileContention.IsContention(io))))
                {
                    // Windows refuses to replace a file another process has open without delete sharing
                    // (a CI agent reading the previous report); such a reader lets go within moments.
                    Thread.Sleep(20 * attempt);
                }
            }
        }

        /// <summary>Renames the temp file to <see cref="Path"/> only if no file has that name; false when one does.</summary>
        public bool TryPublishNew()
        {
            try
            {
                File.Move(temp, Path, overwrite: false);
                _published = true;
                return true;
            }
            catch (IOException) when (File.Exists(Path) || FileKinds.Of(Path) != FileKind.Missing)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!_published)
            {
                DeleteQuietly(temp);
            }
        }
    }
}
