using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary>Runs one <c>check</c>: evaluate, write the reports asked for, print, choose the exit code.</summary>
internal sealed class CheckExecution(TextWriter output, TextWriter error, bool json, string? junitPath, string? reportDirectory)
{
    public int Run(GateRunRequest request)
    {
        var outcome = new GateRunner().Run(request);
        if (outcome.Report is not { } report)
        {
            foreach (var problem in outcome.Errors)
            {
                ErrorOutput.Error(error, problem);
            }

            return ExitCodes.BadInput;
        }

        try
        {
            WriteReports(report);
        }
        catch (QualityGatesException ex)
        {
            ErrorOutput.Error(error, ex);
            return ExitCodes.BadInput;
        }

        // With --json, stdout carries the JSON report alone; the table goes to stderr.
        var table = json ? error : output;
        table.WriteLine(SummaryTable.Render(report));
        foreach (var warning in report.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }

        foreach (var failed in report.Checks.Where(c => c.Status == GateStatus.Failed))
        {
            ErrorOutput.Error(error, failed.Code ?? ErrorCodes.TestPassRateBelowMinimum, $"{failed.Gate}: {failed.Message}");
        }

        if (json)
        {
            output.WriteLine(JsonReportWriter.ToJson(report, CiBuildInfo.FromEnvironment()));
        }

        return report.AllPassed ? ExitCodes.Passed : ExitCodes.GateFailed;
    }

    private void WriteReports(QualityGateReport report)
    {
        if (junitPath is not null)
        {
            ReportFileSet.WriteJUnit(report, junitPath);
        }

        if (reportDirectory is not null)
        {
            new ReportFileSet(reportDirectory).Write(report, CiBuildInfo.FromEnvironment());
        }
    }
}
