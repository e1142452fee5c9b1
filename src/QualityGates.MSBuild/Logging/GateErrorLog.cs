using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Reports;

namespace QualityGates.MSBuild.Logging;

/// <summary>
/// Logs a run's diagnostics. Warnings go straight to the log. Errors found after the verdict (failed
/// checks, report and registry failures) go to the log too, or, when deferred, into items that
/// <see cref="LogQualityGateErrors"/> logs later: the targets defer them so that the QualityGatesBlocked
/// hooks run before the build fails. With <c>deferAll</c> (the solution's verdict, which the solution's own
/// build logs against the solution file) every error, warning and the summary line are handed back. A
/// diagnostic without a file points at the project file, so IDEs and CI annotations land somewhere useful.
/// </summary>
internal sealed class GateErrorLog(TaskLoggingHelper log, bool defer, string? projectFile, bool deferAll = false)
{
    /// <summary>The <c>Severity</c> metadata of a handed-back item that is a high-importance message, not a diagnostic.</summary>
    public const string MessageSeverity = "Message";

    private readonly List<ITaskItem> _deferred = [];
    private readonly List<ITaskItem> _deferredWarnings = [];

    /// <summary>The errors kept back, one item each (identity = code; metadata Code, Message, File, Line, Column, Severity).</summary>
    public ITaskItem[] Deferred => _deferred.ToArray();

    /// <summary>With <c>deferAll</c>: the warnings and messages kept back (metadata as <see cref="Deferred"/>, Severity Warning or Message).</summary>
    public ITaskItem[] DeferredWarnings => _deferredWarnings.ToArray();

    /// <summary>Logs <paramref name="diagnostic"/>; an error is deferred when this log defers and <paramref name="deferrable"/>.</summary>
    public void Log(GateDiagnostic diagnostic, bool deferrable)
    {
        // Messages and files hold input text (paths, names): neutralised for the console, deferred or not.
        var file = ConsoleText.Neutralise(diagnostic.File ?? projectFile) is { Length: > 0 } safe ? safe : null;
        var message = ConsoleText.Neutralise(diagnostic.Message);
        if (deferAll)
        {
            (diagnostic.IsError ? _deferred : _deferredWarnings).Add(Item(diagnostic.Code, diagnostic.IsError ? "Error" : "Warning", message, file, diagnostic.Line, diagnostic.Column));
        }
        else if (!diagnostic.IsError)
        {
            log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", message);
        }
        else if (!defer || !deferrable)
        {
            log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", message);
        }
        else
        {
            _deferred.Add(Item(diagnostic.Code, "Error", message, file, diagnostic.Line, diagnostic.Column));
        }
    }

    /// <summary>A high-importance message (the summary line), handed back with <c>deferAll</c>.</summary>
    public void Message(string text)
    {
        if (deferAll)
        {
            _deferredWarnings.Add(Item(string.Empty, MessageSeverity, text, null, 0, 0));
        }
        else
        {
            log.LogMessage(MessageImportance.High, "{0}", text);
        }
    }

    private static TaskItem Item(string code, string severity, string message, string? file, int line, int column)
    {
        var item = new TaskItem(code.Length > 0 ? code : severity);
        item.SetMetadata("Code", code);
        item.SetMetadata("Severity", severity);
        item.SetMetadata("Message", message);
        item.SetMetadata("File", file ?? string.Empty);
        item.SetMetadata("Line", line.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Column", column.ToString(CultureInfo.InvariantCulture));
        return item;
    }
}
