using QualityGates.Errors;
using QualityGates.Reports;

namespace QualityGates.Cli;

/// <summary>
/// Writes coded lines in MSBuild's canonical form (<c>file(line): error QG1003 : message</c>), so CI
/// problem matchers and people read them the same way as build errors. Files and messages hold
/// input text, so both pass <see cref="ConsoleText.Neutralise"/>: one line, no escape sequences, no workflow commands.
/// </summary>
internal static class ErrorOutput
{
    public static void Error(TextWriter writer, string code, string message, string? file = null, int line = 0) =>
        Write(writer, "error", code, message, file, line);

    public static void Error(TextWriter writer, QualityGatesException error) =>
        Write(writer, "error", error.Code, error.Message, error.File, error.Line);

    public static void Warning(TextWriter writer, string code, string message, string? file = null, int line = 0) =>
        Write(writer, "warning", code, message, file, line);

    /// <summary>A gate run's diagnostic; a failed check's message starts with its gate name.</summary>
    public static void Write(TextWriter writer, GateDiagnostic diagnostic) =>
        Write(writer, diagnostic.IsError ? "error" : "warning", diagnostic.Code,
            diagnostic.Gate is null ? diagnostic.Message : $"{diagnostic.Gate}: {diagnostic.Message}", diagnostic.File, diagnostic.Line);

    private static void Write(TextWriter writer, string category, string code, string message, string? file, int line)
    {
        var origin = file is null ? string.Empty : line > 0 ? $"{ConsoleText.Neutralise(file)}({line}): " : $"{ConsoleText.Neutralise(file)}: ";
        writer.WriteLine($"{origin}{category} {code} : {ConsoleText.Neutralise(message)}");
    }

    /// <summary>Writes a line whose text holds input (a path, a name, a reason), neutralised for the console.</summary>
    public static void Line(TextWriter writer, string text) => writer.WriteLine(ConsoleText.Neutralise(text));
}
