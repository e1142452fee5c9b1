namespace QualityGates.Errors;

/// <summary>
/// One coded message of a gate run for the adapter to print: an error (a bad setting or input, a failed
/// check, a report or registry failure) or a warning (a CI or webhook delivery problem, a throwing event
/// handler). Adapters print it in MSBuild's form, <c>file(line): error QG1003 : message</c>.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The stable <c>QGnnnn</c> code from <see cref="ErrorCodes"/>.</param>
/// <param name="Message">One sentence or more, for a person; never a stack trace.</param>
/// <param name="File">The file it is about, or null (adapters then point at their own settings file).</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0.</param>
/// <param name="Column">1-based column in <paramref name="File"/>, or 0.</param>
/// <param name="Gate">The failed check's gate name (<c>tests.pass_rate</c>) when the diagnostic is a failed check; otherwise null.</param>
internal sealed record GateDiagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0,
    string? Gate = null)
{
    /// <summary>The message, cut at <see cref="UntrustedText.MaxMessage"/> characters.</summary>
    public string Message { get; init => field = UntrustedText.Cap(value, UntrustedText.MaxMessage); } = UntrustedText.Cap(Message, UntrustedText.MaxMessage);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The error an expected failure stands for.</summary>
    public static GateDiagnostic From(QualityGatesException error) =>
        new(DiagnosticSeverity.Error, error.Code, error.Message, error.File, error.Line, error.Column);

    public static GateDiagnostic Warning(string code, string message, string? file = null) =>
        new(DiagnosticSeverity.Warning, code, message, file);
}

/// <summary>How a <see cref="GateDiagnostic"/> is printed: an error fails the build (or the CLI run), a warning does not.</summary>
internal enum DiagnosticSeverity
{
    Warning,
    Error,
}
