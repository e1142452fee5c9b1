using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.MSBuild.Logging;

/// <summary>
/// Logging helpers that keep every error coded and located, never a stack trace. Messages and files
/// hold input text (paths, names), so they pass <see cref="ConsoleText.Neutralise"/> before MSBuild prints them.
/// </summary>
internal static class TaskLogExtensions
{
    /// <summary>
    /// Logs one coded error. Errors about a setting (no file of their own) point at the project file,
    /// so IDEs and CI annotations land somewhere useful.
    /// </summary>
    public static void LogCodedError(this TaskLoggingHelper log, QualityGatesException error, string? projectFile)
    {
        var file = error.File ?? projectFile;
        log.LogError(null, error.Code, null, Safe(file), error.Line, error.Column, 0, 0, "{0}", ConsoleText.Neutralise(error.Message));
    }

    /// <summary>Logs one coded error that has no file of its own.</summary>
    public static void LogCodedError(this TaskLoggingHelper log, string code, string message, string? file)
    {
        log.LogError(null, code, null, Safe(file), 0, 0, 0, 0, "{0}", ConsoleText.Neutralise(message));
    }

    /// <summary>Echoes one input at low importance, always with the same prefix so logs can be grepped.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, string? value)
    {
        log.LogMessage(MessageImportance.Low, "[input] {0}={1}", name, ConsoleText.Neutralise(value));
    }

    /// <summary>A file for a log entry's location, neutralised like its message (null stays null).</summary>
    public static string? Safe(string? file) => file is null ? null : ConsoleText.Neutralise(file);

    /// <summary>Echoes a list input, one value per line.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, IEnumerable<string> values)
    {
        log.LogInput(name, string.Join(";", values));
    }
}
