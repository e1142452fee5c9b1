using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>Opens input files with the coded errors every reader shares (missing, empty, unreadable).</summary>
public static class InputFile
{
    /// <summary>Opens <paramref name="path"/> for sequential reading, or throws a coded error.</summary>
    public static FileStream OpenRead(string path)
    {
        if (!File.Exists(path))
        {
            throw new QualityGatesException(ErrorCodes.InputFileNotFound, $"Input file '{path}' does not exist.", path);
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
