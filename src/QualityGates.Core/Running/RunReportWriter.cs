using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Running;

/// <summary>Writes a judged run's report files: the single JUnit file when asked for, then the report folder.</summary>
internal static class RunReportWriter
{
    /// <summary>The folder's files, or null when no folder was asked for or a file could not be written (its error in <paramref name="diagnostics"/>).</summary>
    public static ReportFiles? Write(QualityGateReport report, byte[]? json, string? folder, GateRunRequest request, string? root, DiagnosticBag diagnostics)
    {
        try
        {
            if (request.Reports.JUnitFile is { } junit && !string.IsNullOrWhiteSpace(junit))
            {
                ReportFileSet.WriteJUnit(report, Path.GetFullPath(junit, request.BaseDirectory));
            }

            return folder is null ? null : new ReportFileSet(folder) { RepositoryRoot = root, KeepReports = request.Reports.KeepReports }.Write(report, json!);
        }
        catch (QualityGatesException ex)
        {
            diagnostics.Add(ex);
            return null;
        }
    }
}
