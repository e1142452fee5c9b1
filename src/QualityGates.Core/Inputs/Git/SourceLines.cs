using System.Text;
using QualityGates.Files;

namespace QualityGates.Inputs.Git;

/// <summary>
/// How the lines git counts in a source file map to the lines the compiler counts, which are the lines a
/// coverage report names. git ends a line at LF only; the C#, F# and Visual Basic compilers also at a lone
/// CR, at NEL (U+0085) and at the line and paragraph separators (U+2028, U+2029). So a file with CR-only
/// line ends is one line to git and many to the compiler: the git line a change touched maps to every
/// compiler line it holds. A file with LF or CRLF ends only maps line for line (<see cref="Identity"/>).
/// The file is read as the compiler reads it: from the working tree, UTF-8 unless a byte order mark says
/// UTF-16 or UTF-32, in a stream (memory does not grow with its size).
/// </summary>
internal sealed class SourceLines
{
    /// <summary>Source files larger than this are not read (no .NET source file is): their lines count as unreadable.</summary>
    internal const long MaxBytes = 256L * 1024 * 1024;

    // _first[k - 1] is the compiler line git line k starts on; _count the compiler lines of the file.
    private readonly List<int>? _first;

    private SourceLines(List<int>? first, int count)
    {
        _first = first;
        Count = count;
    }

    /// <summary>The compiler's line count of the file (a last line without a line end counts).</summary>
    public int Count { get; }

    /// <summary>True when git's lines are the compiler's lines.</summary>
    public bool Identity => _first is null;

    /// <summary>The compiler lines git line <paramref name="gitLine"/> (1-based) holds.</summary>
    public IEnumerable<int> Of(int gitLine)
    {
        if (_first is null)
        {
            return [gitLine];
        }

        if (gitLine < 1 || gitLine > _first.Count)
        {
            return [];
        }

        var start = _first[gitLine - 1];
        var end = gitLine < _first.Count ? _first[gitLine] - 1 : Math.Max(start, Count);
        return Enumerable.Range(start, end - start + 1);
    }

    /// <summary>
    /// Reads <paramref name="path"/> (a link is followed) when it is a regular file of at most
    /// <see cref="MaxBytes"/>: its line map; null with <paramref name="problem"/> saying why it could not be
    /// read (a FIFO or device, which could block or never end, a folder, a dangling link, too large,
    /// unreadable); null with no problem when nothing has that name.
    /// </summary>
    public static SourceLines? Read(string path, out string? problem)
    {
        problem = null;
        var kind = FileKinds.OfTarget(path);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind != FileKind.Regular)
        {
            problem = FileKinds.Of(path) == FileKind.Link && kind == FileKind.Link ? "a dangling or looping symbolic link" : FileKinds.Describe(kind);
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
            if (stream.Length > MaxBytes)
            {
                problem = $"larger than {MaxBytes / (1024 * 1024)} MB";
                return null;
            }

            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
            return From(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = "unreadable: " + ex.Message;
            return null;
        }
    }

    /// <summary>The line map of <paramref name="text"/>.</summary>
    internal static SourceLines From(TextReader text)
    {
        var first = new List<int> { 1 };
        var compilerLine = 1;
        var identity = true;
        var buffer = new char[64 * 1024];
        var pendingCr = false;
        var any = false;
        var endsWithBreak = false;
        int read;
        while ((read = text.Read(buffer, 0, buffer.Length)) > 0)
        {
            any = true;
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c != '\n')
                    {
                        // A lone CR: a line end to the compiler only.
                        compilerLine++;
                        identity = false;
                    }
                }

                switch (c)
                {
                    case '\r':
                        pendingCr = true;
                        endsWithBreak = true;
                        continue;
                    case '\n':
                        compilerLine++;
                        first.Add(compilerLine);
                        endsWithBreak = true;
                        continue;
                    case '\u0085' or '\u2028' or '\u2029':
                        compilerLine++;
                        identity = false;
                        endsWithBreak = true;
                        continue;
                    default:
                        endsWithBreak = false;
                        continue;
                }
            }
        }

        if (pendingCr)
        {
            compilerLine++;
            identity = false;
        }

        var count = !any ? 0 : endsWithBreak ? compilerLine - 1 : compilerLine;
        return new SourceLines(identity ? null : first, count);
    }
}
