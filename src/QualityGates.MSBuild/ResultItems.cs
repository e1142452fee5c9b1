using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>
/// Turns a run's checks and files into MSBuild items, so users can hook targets on results. Values keep
/// their own unit and full precision, written with the invariant culture.
/// </summary>
internal static class ResultItems
{
    /// <summary>
    /// One item per check: identity = gate name; metadata Gate, Status (Passed, Failed, Skipped, Warning, Waived), Value,
    /// Threshold, WarningLevel, Message, Code, Context, WaivedBy and WaiverExpires (the waivers' owners and last days, <c>;</c>-separated).
    /// </summary>
    public static ITaskItem[] Checks(QualityGateReport report)
    {
        return report.Checks.Select(c =>
        {
            var item = new TaskItem(c.Gate);
            item.SetMetadata("Gate", c.Gate);
            item.SetMetadata("Status", c.Status.ToString());
            item.SetMetadata("Value", Number(c.Value));
            item.SetMetadata("Threshold", Number(c.Threshold));
            item.SetMetadata("Message", c.Message);
            item.SetMetadata("Code", c.Code ?? string.Empty);
            item.SetMetadata("Context", report.ContextName);
            item.SetMetadata("WarningLevel", Number(c.WarningLevel));
            item.SetMetadata("WaivedBy", string.Join(";", c.Waivers.Select(w => w.Owner)));
            item.SetMetadata("WaiverExpires", string.Join(";", c.Waivers.Select(w => w.ExpiresText)));
            return (ITaskItem)item;
        }).ToArray();
    }

    /// <summary>The report files as items, metadata <c>Kind</c> = JUnit, Json, Latest, Html or BlockLog.</summary>
    public static ITaskItem[] Files(ReportFiles? files)
    {
        if (files is null)
        {
            return [];
        }

        var items = new List<ITaskItem> { File(files.JUnit, "JUnit"), File(files.Json, "Json"), File(files.Latest, "Latest") };
        if (files.Html is not null)
        {
            items.Add(File(files.Html, "Html"));
        }

        if (files.BlockLog is not null)
        {
            items.Add(File(files.BlockLog, "BlockLog"));
        }

        return items.ToArray();
    }

    private static ITaskItem File(string path, string kind)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Kind", kind);
        return item;
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
