namespace QualityGates.Errors;

/// <summary>
/// An expected failure (bad configuration or bad input) with a stable code and, where known, the file
/// and line it concerns. Adapters print it as one coded error and never show a stack trace.
/// </summary>
internal sealed class QualityGatesException : Exception
{
    public QualityGatesException(string code, string message, string? file = null, int line = 0, int column = 0, Exception? inner = null)
        : base(UntrustedText.Cap(message, UntrustedText.MaxMessage), inner)
    {
        Code = code;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The stable <c>QGnnnn</c> code from <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The file the error is about, or null.</summary>
    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="File"/>, or 0 when unknown.</summary>
    public int Column { get; }
}
