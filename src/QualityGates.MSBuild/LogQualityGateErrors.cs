using QualityGates.Files;
using System.Globalization;
using Microsoft.Build.Framework;

namespace QualityGates.MSBuild;

/// <summary>
/// Logs the errors <see cref="EvaluateQualityGates"/> deferred (its <c>DeferredErrors</c> output), one
/// coded error each with its file and line. The targets call it after the QualityGatesPassed /
/// QualityGatesBlocked hooks, so those hooks run before the build fails.
/// </summary>
public sealed class LogQualityGateErrors : Microsoft.Build.Utilities.Task
{
    /// <summary>One item per error: identity or metadata <c>Code</c>; metadata Message, File, Line, Column.</summary>
    [Required]
    public ITaskItem[] Errors { get; set; } = [];

    public override bool Execute()
    {
        foreach (var error in Errors)
        {
            var code = error.GetMetadata("Code") is { Length: > 0 } named ? named : error.ItemSpec;
            var file = error.GetMetadata("File") is { Length: > 0 } path ? ConsoleText.Neutralise(path) : null;
            Log.LogError(null, code, null, file, Number(error.GetMetadata("Line")), Number(error.GetMetadata("Column")), 0, 0,
                "{0}", ConsoleText.Neutralise(error.GetMetadata("Message")));
        }

        return !Log.HasLoggedErrors;
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;
}
