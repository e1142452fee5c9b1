using System.Text;

namespace QualityGates.Files;

/// <summary>
/// Appends to a file other processes append to at the same time: with <c>dotnet test</c> on a
/// solution, each test project's gate writes to the same <c>$GITHUB_STEP_SUMMARY</c> and
/// <c>$GITHUB_OUTPUT</c>. The file is held exclusively (FileShare.None; an advisory lock on Linux
/// and macOS) while the text is chosen and written, so appends never interleave and the size a
/// writer sees is still the size when it writes. These files are named by the CI runner, not kept in
/// a folder of ours, so the only rule is that the name is a regular file (or none): a symbolic link,
/// FIFO or device is refused, never followed or opened. A failed write is cut back to the old length.
/// </summary>
internal static class SharedTextFile
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Appends what <paramref name="content"/> returns for the file's current length in bytes;
    /// returns false (writing nothing) when it returns null.
    /// </summary>
    /// <exception cref="IOException">The file is not a regular file, cannot be opened or written, or stayed locked too long.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static bool Append(string path, Func<long, string?> content)
    {
        var kind = FileKinds.Of(path);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new IOException($"'{path}' is {FileKinds.Describe(kind)}, not a regular file; nothing was written through it.");
        }

        var deadline = DateTime.UtcNow + LockTimeout;
        var wait = 1;
        while (true)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
            }
            catch (IOException ex) when (FileContention.IsContention(ex) && DateTime.UtcNow < deadline)
            {
                FileContention.Wait(ref wait);
                continue;
            }

            using (stream)
            {
                if (content(stream.Length) is not { } text)
                {
                    return false;
                }

                JsonLinesFile.AppendWhole(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                return true;
            }
        }
    }
}
