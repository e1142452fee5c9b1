using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>
/// Turns checks into MSBuild items (one per check, identity = gate name) so users can hook targets on
/// results. Values keep their own unit and full precision, written with the invariant culture.
/// </summary>
internal static class ResultItems
{
    public static ITaskItem[] From(QualityGateReport report)
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
            return (ITaskItem)item;
        }).ToArray();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
