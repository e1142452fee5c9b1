using System.Text;
using QualityGates.Errors;

namespace QualityGates.Files;

/// <summary>
/// Appends whole lines to a JSON Lines log that several processes may write at once (parallel CI
/// jobs sharing a workspace). Each append opens the file exclusively (FileShare.None; on Linux and
/// macOS .NET takes an advisory flock), writes the line with one Write call and closes it; a writer
/// that finds the file locked waits and tries again. So no line is lost, torn or interleaved.
/// </summary>
public static class JsonLinesFile
{
    /// <summary>How long an append waits for other writers before giving up.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Appends <paramref name="jsonLine"/> (one line of JSON, without a line break) and a '\n'.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/> when the file cannot be written.</exception>
    public static void Append(string path, string jsonLine, TimeSpan? lockTimeout = null)
    {
        ThrowIfNotOneLine(jsonLine);
        var bytes = Encoding.UTF8.GetBytes(jsonLine + "\n");
        WithRetry(path, lockTimeout, ErrorCodes.ReportNotWritten, "append to", () =>
        {
            // bufferSize 0: the line goes to the OS in one write, never split by a buffer flush.
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
            return true;
        });
    }

    /// <summary>
    /// Reads the existing file and appends the line <paramref name="decide"/> makes of its content (null:
    /// nothing), holding the exclusive lock throughout, so no other append lands between the read and the
    /// write. Exceptions from <paramref name="decide"/> pass through, with nothing written.
    /// </summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/> when the file cannot be read or written.</exception>
    public static void AppendAfterRead(string path, Func<byte[], string?> decide, TimeSpan? lockTimeout = null)
    {
        WithRetry(path, lockTimeout, ErrorCodes.ReportNotWritten, "append to", () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var line = decide(buffer.ToArray());
            if (line is not null)
            {
                ThrowIfNotOneLine(line);
                stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
                stream.Flush(flushToDisk: true);
            }

            return true;
        });
    }

    /// <summary>
    /// Reads the whole file while no append is in progress (a shared lock that writers wait for), so
    /// the snapshot never ends in the middle of a line being written. Null when the file does not exist.
    /// </summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InputFileUnreadable"/> when the file cannot be read.</exception>
    public static byte[]? ReadAll(string path, TimeSpan? lockTimeout = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return WithRetry(path, lockTimeout, ErrorCodes.InputFileUnreadable, "read", () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    private static void ThrowIfNotOneLine(string jsonLine)
    {
        if (jsonLine.Contains('\n') || jsonLine.Contains('\r'))
        {
            throw new ArgumentException("A JSON Lines entry must be a single line.", nameof(jsonLine));
        }
    }

    private static T WithRetry<T>(string path, TimeSpan? lockTimeout, string code, string verb, Func<T> attempt)
    {
        var deadline = DateTime.UtcNow + (lockTimeout ?? DefaultLockTimeout);
        var wait = 1;
        while (true)
        {
            try
            {
                return attempt();
            }
            catch (IOException ex) when (IsContention(ex) && DateTime.UtcNow < deadline)
            {
                // Another writer holds the file: back off with jitter so waiting writers do not retry in lockstep.
                Thread.Sleep(wait + Random.Shared.Next(wait + 1));
                wait = Math.Min(wait * 2, 50);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new QualityGatesException(code, $"Cannot {verb} '{path}': {ex.Message}", path, inner: ex);
            }
        }
    }

    // A missing folder or a bad path will not fix itself by waiting.
    private static bool IsContention(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException or DriveNotFoundException);
}
