using System.Globalization;
using Microsoft.Build.Framework;
using QualityGates.MSBuild.Logging;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>
/// Logs the diagnostics <see cref="EvaluateQualityGates"/> handed back (its <c>DeferredErrors</c> and
/// <c>DeferredWarnings</c> outputs), one coded error or warning each with its file and line. The targets call
/// it after the QualityGatesPassed / QualityGatesBlocked hooks, so those hooks run before the build fails;
/// the solution's build calls it with the solution's verdict, so that verdict is logged by the solution,
/// never by one of its test projects.
/// </summary>
public sealed class LogQualityGateErrors : Microsoft.Build.Utilities.Task
{
    /// <summary>
    /// One item per diagnostic: identity or metadata <c>Code</c>; metadata Message, File, Line, Column, and
    /// Severity (<c>Error</c> when absent, <c>Warning</c>, or <c>Message</c> for a high-importance line).
    /// </summary>
    public ITaskItem[] Errors { get; set; } = [];

    public override bool Execute()
    {
        foreach (var item in Errors)
        {
            var code = item.GetMetadata("Code") is { Length: > 0 } named ? named : item.ItemSpec;
            var file = item.GetMetadata("File") is { Length: > 0 } path ? ConsoleText.Neutralise(path) : null;
            var message = ConsoleText.Neutralise(item.GetMetadata("Message"));
            var (line, column) = (Number(item.GetMetadata("Line")), Number(item.GetMetadata("Column")));
            switch (item.GetMetadata("Severity"))
            {
                case GateErrorLog.MessageSeverity:
                    Log.LogMessage(MessageImportance.High, "{0}", message);
                    break;
                case "Warning":
                    Log.LogWarning(null, code, null, file, line, column, 0, 0, "{0}", message);
                    break;
                default:
                    Log.LogError(null, code, null, file, line, column, 0, 0, "{0}", message);
                    break;
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;
}
