using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;

namespace QualityGates.MSBuild.Logging;

/// <summary>
/// Logs a run's diagnostics. Warnings go straight to the log. Errors found after the verdict (failed
/// checks, report and registry failures) go to the log too, or, when deferred, into items that
/// <see cref="LogQualityGateErrors"/> logs later: the targets defer them so that the QualityGatesBlocked
/// hooks run before the build fails. A diagnostic without a file points at the project file, so IDEs and
/// CI annotations land somewhere useful.
/// </summary>
internal sealed class GateErrorLog(TaskLoggingHelper log, bool defer, string? projectFile)
{
    private readonly List<ITaskItem> _deferred = [];

    /// <summary>The errors kept back, one item each (identity = code; metadata Code, Message, File, Line, Column).</summary>
    public ITaskItem[] Deferred => _deferred.ToArray();

    /// <summary>Logs <paramref name="diagnostic"/>; an error is deferred when this log defers and <paramref name="deferrable"/>.</summary>
    public void Log(GateDiagnostic diagnostic, bool deferrable)
    {
        var file = diagnostic.File ?? projectFile;
        if (!diagnostic.IsError)
        {
            log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", diagnostic.Message);
            return;
        }

        if (!defer || !deferrable)
        {
            log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, "{0}", diagnostic.Message);
            return;
        }

        var item = new TaskItem(diagnostic.Code);
        item.SetMetadata("Code", diagnostic.Code);
        item.SetMetadata("Message", diagnostic.Message);
        item.SetMetadata("File", file ?? string.Empty);
        item.SetMetadata("Line", diagnostic.Line.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Column", diagnostic.Column.ToString(CultureInfo.InvariantCulture));
        _deferred.Add(item);
    }
}
