using System.Text;
using QualityGates.Errors;

namespace QualityGates.Files;

/// <summary>
/// Appends whole lines to a JSON Lines log that several processes may write at once (parallel CI
/// jobs sharing a workspace). Each append opens the file exclusively (FileShare.None; on Linux and
/// macOS .NET takes an advisory flock), writes the line with one Write call and closes it; a writer
/// that finds the file locked waits and tries again. So no line is lost, torn or interleaved. Only a
/// regular file is ever opened (never a planted link or a FIFO), and a write that fails (a full disk)
/// is cut back to the old length, so no fragment is left for later reads to warn about.
/// </summary>
internal static class JsonLinesFile
{
    /// <summary>How long an append waits for other writers before giving up.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Appends <paramref name="jsonLine"/> (one line of JSON, without a line break) and a '\n'.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="jsonLine">The line.</param>
    /// <param name="lockTimeout">How long to wait for other writers.</param>
    /// <param name="notRegularCode">The code when the file is a link, FIFO, folder or device (default <see cref="ErrorCodes.ReportFileNotRegular"/>).</param>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/> when the file cannot be written; <paramref name="notRegularCode"/> when it is not a regular file in its folder.</exception>
    public static void Append(string path, string jsonLine, TimeSpan? lockTimeout = null, string notRegularCode = ErrorCodes.ReportFileNotRegular)
    {
        ThrowIfNotOneLine(jsonLine);
        var bytes = Encoding.UTF8.GetBytes(jsonLine + "\n");
        FileKinds.EnsureWritable(path, Path.GetDirectoryName(Path.GetFullPath(path)), notRegularCode);
        WithRetry(path, lockTimeout, ErrorCodes.ReportNotWritten, "append to", () =>
        {
            // bufferSize 0: the line goes to the OS in one write, never split by a buffer flush.
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
            AppendWhole(stream, bytes);
            return true;
        });
    }

    /// <summary>
    /// Writes <paramref name="jsonLine"/> as the first line of the file, creating it, unless another writer
    /// has written to it first (then nothing is written, and false says so). A writer that decided what to
    /// append from a file that did not exist yet uses it, so a line another writer appended in between
    /// is never passed over.
    /// </summary>
    public static bool AppendToEmpty(string path, string jsonLine, TimeSpan? lockTimeout = null, string notRegularCode = ErrorCodes.ReportFileNotRegular)
    {
        ThrowIfNotOneLine(jsonLine);
        var bytes = Encoding.UTF8.GetBytes(jsonLine + "\n");
        FileKinds.EnsureWritable(path, Path.GetDirectoryName(Path.GetFullPath(path)), notRegularCode);
        return WithRetry(path, lockTimeout, ErrorCodes.ReportNotWritten, "append to", () =>
        {
            using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            if (stream.Length > 0)
            {
                return false;
            }

            AppendWhole(stream, bytes);
            return true;
        });
    }

    /// <summary>
    /// Reads the existing file and appends the line <paramref name="decide"/> makes of its content (null:
    /// nothing), holding the exclusive lock throughout, so no other append lands between the read and the
    /// write. Exceptions from <paramref name="decide"/> pass through, with nothing written.
    /// </summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.ReportNotWritten"/> when the file cannot be read or written.</exception>
    public static void AppendAfterRead(string path, Func<byte[], string?> decide, TimeSpan? lockTimeout = null,
        string notRegularCode = ErrorCodes.ReportFileNotRegular) =>
        AppendAfterRead(path, 0, (_, content) => decide(content), lockTimeout, notRegularCode);

    /// <summary>
    /// As <see cref="AppendAfterRead(string, Func{byte[], string?}, TimeSpan?, string)"/>, reading only from
    /// byte <paramref name="readFrom"/> on (for a reader that has seen the start of an append-only file),
    /// or from the start when the file is shorter; <paramref name="decide"/> is told where its bytes begin.
    /// The lock is then held for what is new, not for the whole file.
    /// </summary>
    public static void AppendAfterRead(string path, long readFrom, Func<long, byte[], string?> decide, TimeSpan? lockTimeout = null,
        string notRegularCode = ErrorCodes.ReportFileNotRegular)
    {
        FileKinds.EnsureWritable(path, Path.GetDirectoryName(Path.GetFullPath(path)), notRegularCode);
        WithRetry(path, lockTimeout, ErrorCodes.ReportNotWritten, "append to", () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            var from = readFrom <= stream.Length ? readFrom : 0;
            stream.Seek(from, SeekOrigin.Begin);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var line = decide(from, buffer.ToArray());
            if (line is not null)
            {
                ThrowIfNotOneLine(line);
                AppendWhole(stream, Encoding.UTF8.GetBytes(line + "\n"));
            }

            return true;
        });
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> at the end of <paramref name="stream"/> (opened for append and
    /// locked); when the write fails, cuts the file back to its old length before rethrowing.
    /// </summary>
    internal static void AppendWhole(FileStream stream, ReadOnlySpan<byte> bytes)
    {
        var length = stream.Length;
        try
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            try
            {
                stream.SetLength(length);
            }
            catch (IOException)
            {
                // The write's error is the one to report.
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the whole file while no append is in progress (a shared lock that writers wait for), so
    /// the snapshot never ends in the middle of a line being written. Null when the file does not exist.
    /// </summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InputFileUnreadable"/> when the file cannot be read; <paramref name="notRegularCode"/> when it is not a regular file.</exception>
    public static byte[]? ReadAll(string path, TimeSpan? lockTimeout = null, string notRegularCode = ErrorCodes.InputNotARegularFile) =>
        ReadFrom(path, 0, lockTimeout, notRegularCode)?.Bytes;

    /// <summary>
    /// As <see cref="ReadAll"/>, from byte <paramref name="readFrom"/> on (for a reader that has seen the start
    /// of an append-only file), or from the start when the file is shorter; says where the bytes begin.
    /// </summary>
    public static (long From, byte[] Bytes)? ReadFrom(string path, long readFrom, TimeSpan? lockTimeout = null, string notRegularCode = ErrorCodes.InputNotARegularFile)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind != FileKind.Regular)
        {
            throw new QualityGatesException(notRegularCode,
                $"'{path}' is {FileKinds.Describe(kind)}, not a regular file; it is not read.", path);
        }

        return WithRetry<(long, byte[])?>(path, lockTimeout, ErrorCodes.InputFileUnreadable, "read", () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var from = readFrom <= stream.Length ? readFrom : 0;
            stream.Seek(from, SeekOrigin.Begin);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (from, buffer.ToArray());
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
            catch (IOException ex) when (FileContention.IsContention(ex) && DateTime.UtcNow < deadline)
            {
                FileContention.Wait(ref wait);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new QualityGatesException(code, $"Cannot {verb} '{path}': {ex.Message}", path, inner: ex);
            }
        }
    }
}
