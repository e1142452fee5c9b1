using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;

namespace QualityGates.MSBuild.Logging;

/// <summary>Logging helpers that keep every error coded and located, never a stack trace.</summary>
internal static class TaskLogExtensions
{
    /// <summary>
    /// Logs one coded error. Errors about a setting (no file of their own) point at the project file,
    /// so IDEs and CI annotations land somewhere useful.
    /// </summary>
    public static void LogCodedError(this TaskLoggingHelper log, QualityGatesException error, string? projectFile)
    {
        var file = error.File ?? projectFile;
        log.LogError(null, error.Code, null, file, error.Line, error.Column, 0, 0, error.Message);
    }

    /// <summary>Logs one coded error that has no file of its own.</summary>
    public static void LogCodedError(this TaskLoggingHelper log, string code, string message, string? file)
    {
        log.LogError(null, code, null, file, 0, 0, 0, 0, message);
    }

    /// <summary>Echoes one input at low importance, always with the same prefix so logs can be grepped.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, string? value)
    {
        log.LogMessage(MessageImportance.Low, "[input] {0}={1}", name, value ?? string.Empty);
    }

    /// <summary>Echoes a list input, one value per line.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, IEnumerable<string> values)
    {
        log.LogInput(name, string.Join(";", values));
    }
}
