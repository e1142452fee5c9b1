using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace QualityGates.MSBuild.Logging;

/// <summary>Echoes the task's inputs, always with the same prefix so logs can be grepped.</summary>
internal static class TaskLogExtensions
{
    /// <summary>Echoes one input at low importance as <c>[input] Name=value</c>, Name being the MSBuild property.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, string? value)
    {
        log.LogMessage(MessageImportance.Low, "[input] {0}={1}", name, value ?? string.Empty);
    }

    /// <summary>Echoes a list input, its values joined by <c>;</c>.</summary>
    public static void LogInput(this TaskLoggingHelper log, string name, IEnumerable<string> values)
    {
        log.LogInput(name, string.Join(";", values));
    }
}
