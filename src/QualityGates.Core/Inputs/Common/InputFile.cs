using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.Inputs.Common;

/// <summary>Opens input files with the coded errors every reader shares (missing, empty, unreadable).</summary>
internal static class InputFile
{
    /// <summary>Opens <paramref name="path"/> for sequential reading, or throws a coded error (QG1001 missing, QG1015 not a regular file, QG1009 unreadable, QG1002 empty).</summary>
    public static FileStream OpenRead(string path)
    {
        if (!File.Exists(path))
        {
            throw new QualityGatesException(ErrorCodes.InputFileNotFound, $"Input file '{path}' does not exist.", path);
        }

        // Checked before opening: opening a FIFO blocks until a writer comes, maybe forever.
        // A link is fine here (reading through it writes nothing) as long as it ends at a regular file.
        var kind = FileKinds.OfTarget(path);
        if (kind != FileKind.Regular)
        {
            throw new QualityGatesException(ErrorCodes.InputNotARegularFile,
                $"Input file '{path}' is {FileKinds.Describe(kind)}, not a regular file; it is not opened.", path);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"Input file '{path}' cannot be read: {ex.Message}", path, inner: ex);
        }

        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new QualityGatesException(ErrorCodes.InputFileEmpty, $"Input file '{path}' is empty.", path);
        }

        return stream;
    }
}
