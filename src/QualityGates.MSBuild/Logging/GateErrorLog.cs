using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Files;

namespace QualityGates.MSBuild.Logging;

/// <summary>
/// Where the errors found after the gate's verdict go (failed checks, QG2012, report and registry
/// failures): straight to the log, or, when deferred, into items that <see cref="LogQualityGateErrors"/>
/// logs later. The targets defer them so that the QualityGatesBlocked hooks run before the build fails.
/// </summary>
internal sealed class GateErrorLog(TaskLoggingHelper log, bool defer)
{
    private readonly List<ITaskItem> _deferred = [];

    /// <summary>The errors kept back, one item each (identity = code; metadata Code, Message, File, Line, Column).</summary>
    public ITaskItem[] Deferred => _deferred.ToArray();

    public void Error(QualityGatesException error, string? projectFile) =>
        Error(error.Code, error.Message, error.File ?? projectFile, error.Line, error.Column);

    /// <summary>Logs or defers one coded error; the message and file are neutralised for the console either way.</summary>

    public void Error(string code, string message, string? file, int line = 0, int column = 0)
    {
        message = ConsoleText.Neutralise(message);
        file = TaskLogExtensions.Safe(file);
        if (!defer)
        {
            log.LogError(null, code, null, file, line, column, 0, 0, "{0}", message);
            return;
        }

        var item = new TaskItem(code);
        item.SetMetadata("Code", code);
        item.SetMetadata("Message", message);
        item.SetMetadata("File", file ?? string.Empty);
        item.SetMetadata("Line", line.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Column", column.ToString(CultureInfo.InvariantCulture));
        _deferred.Add(item);
    }
}
