using System.Security.Cryptography;

namespace QualityGates.Files;

/// <summary>
/// Whole-file writes that no reader ever sees half done: the content goes to a hidden temp file in
/// the same folder (so the final rename never crosses a file system), is flushed to disk, and only
/// then is renamed to its name. A failed write deletes its temp file and leaves nothing behind.
/// Callers turn the raw I/O exceptions into coded errors naming the path.
/// </summary>
internal static class AtomicFile
{
    private const int ReplaceAttempts = 5;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing any file there.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temp = WriteTemp(path, content);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    File.Move(temp, path, overwrite: true);
                    return;
                }
                catch (Exception ex) when (attempt < ReplaceAttempts && ex is IOException or UnauthorizedAccessException)
                {
                    // Windows refuses to replace a file another process has open without delete sharing
                    // (a CI agent reading the previous report); such a reader lets go within moments.
                    Thread.Sleep(20 * attempt);
                }
            }
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> only if no file has that name;
    /// returns false (writing nothing) when one does. The no-overwrite rename is the atomic
    /// "create new": two writers can never both get the same name.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        var temp = WriteTemp(path, content);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            DeleteQuietly(temp);
            return false;
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    private static string WriteTemp(string path, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // Hidden and with a .tmp extension, so globs like report-*.json never pick one up.
        var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + RandomNumberGenerator.GetHexString(8, lowercase: true) + ".tmp");
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }

        return temp;
    }

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
}
