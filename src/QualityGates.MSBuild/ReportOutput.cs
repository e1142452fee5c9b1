using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGates.Reports;

namespace QualityGates.MSBuild;

/// <summary>Writes junit-gates.xml and the JSON report of one run into the report folder.</summary>
internal static class ReportOutput
{
    // Filled in once the report writers (feature/writers) are on main.
    public static ITaskItem[] Write(QualityGateReport report, string reportDirectory, TaskLoggingHelper log, string? projectFile)
    {
        _ = report;
        _ = reportDirectory;
        _ = log;
        _ = projectFile;
        return [];
    }
}
