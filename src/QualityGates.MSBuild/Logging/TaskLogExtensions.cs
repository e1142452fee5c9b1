using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Reports;

namespace QualityGates.MSBuild.Logging;

/// <summary>Echoes the task's inputs, always with the same prefix so logs can be grepped; values are neutralised for the console.</summary>
internal static class TaskLogExtensions
{
    /// <summary>Echoes one input at low importance as <c>[input] Name=value</c>, Name being the MSBuild property.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, string? value)
    {
        log.LogMessage(MessageImportance.Low, "[input] {0}={1}", name, ConsoleText.Neutralise(value));
    }

    /// <summary>Echoes a list input, its values joined by <c>;</c>.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, IEnumerable<string> values)
    {
        log.LogInput(name, string.Join(";", values));
    }
}
