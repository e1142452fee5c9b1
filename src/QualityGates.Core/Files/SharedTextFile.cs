using System.Text;

namespace QualityGates.Files;

/// <summary>
/// Appends to a file other processes append to at the same time: with <c>dotnet test</c> on a
/// solution, each test project's gate writes to the same <c>$GITHUB_STEP_SUMMARY</c> and
/// <c>$GITHUB_OUTPUT</c>. The file is held exclusively (FileShare.None; an advisory lock on Linux
/// and macOS) while the text is chosen and written, so appends never interleave and the size a
/// writer sees is still the size when it writes.
/// </summary>
internal static class SharedTextFile
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Appends what <paramref name="content"/> returns for the file's current length in bytes;
    /// returns false (writing nothing) when it returns null.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or written, or stayed locked too long.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static bool Append(string path, Func<long, string?> content)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        var wait = 1;
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
            }
            catch (IOException ex) when (IsContention(ex) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(wait + Random.Shared.Next(wait + 1));
                wait = Math.Min(wait * 2, 50);
                continue;
            }

            using (stream)
            {
                if (content(stream.Length) is not { } text)
                {
                    return false;
                }

                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
                return true;
            }
        }
    }

    // A missing folder or a bad path will not fix itself by waiting.
    private static bool IsContention(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException or DriveNotFoundException);
}
