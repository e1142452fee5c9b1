using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.MSBuild.Logging;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>Writes junit-gates.xml, the JSON reports and gates.html of one run into the report folder.</summary>
internal static class ReportOutput
{
    /// <summary>Writes the files, the JSON ones with the CI build they came from; a failure is one QG5001 error and null.</summary>
    public static ReportFiles? Write(QualityGateReport report, string reportDirectory, CiBuildInfo? ci, GateErrorLog errors,
        TaskLoggingHelper log, string? projectFile)
    {
        try
        {
            var files = new ReportFileSet(reportDirectory).Write(report, ci);
            log.LogMessage(MessageImportance.Normal, "Quality gate reports: {0}, {1}, {2}",
                ConsoleText.Neutralise(files.JUnit), ConsoleText.Neutralise(files.Json), ConsoleText.Neutralise(files.Html));
            return files;
        }
        catch (QualityGatesException ex)
        {
            errors.Error(ex, projectFile);
            return null;
        }
    }

    /// <summary>The files as items, metadata <c>Kind</c> = JUnit, Json, Latest, Html or BlockLog.</summary>
    public static ITaskItem[] Items(ReportFiles? files)
    {
        if (files is null)
        {
            return [];
        }

        var items = new List<ITaskItem> { Item(files.JUnit, "JUnit"), Item(files.Json, "Json"), Item(files.Latest, "Latest") };
        if (files.Html is not null)
        {
            items.Add(Item(files.Html, "Html"));
        }

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
