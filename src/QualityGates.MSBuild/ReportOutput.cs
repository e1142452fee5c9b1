using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.MSBuild.Logging;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>Writes junit-gates.xml and the JSON reports of one run into the report folder.</summary>
internal static class ReportOutput
{
    /// <summary>Writes the files and returns them as items (metadata <c>Kind</c>); a failure is one QG5001 error.</summary>
    public static ITaskItem[] Write(QualityGateReport report, string reportDirectory, TaskLoggingHelper log, string? projectFile)
    {
        ReportFiles files;
        try
        {
            files = new ReportFileSet(reportDirectory).Write(report);
        }
        catch (QualityGatesException ex)
        {
            log.LogCodedError(ex, projectFile);
            return [];
        }

        log.LogMessage(MessageImportance.Normal, "Quality gate reports: {0}, {1}", files.JUnit, files.Json);
        var items = new List<ITaskItem> { Item(files.JUnit, "JUnit"), Item(files.Json, "Json"), Item(files.Latest, "Latest") };
        if (files.BlockLog is not null)
        {
            items.Add(Item(files.BlockLog, "BlockLog"));
        }

        return items.ToArray();
    }

    private static ITaskItem Item(string path, string kind)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Kind", kind);
        return item;
    }
}
