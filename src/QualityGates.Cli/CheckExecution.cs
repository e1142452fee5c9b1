using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary>Runs one <c>check</c>: evaluate, write the reports asked for, print, publish to CI, choose the exit code.</summary>
internal sealed class CheckExecution(TextWriter output, TextWriter error, CheckReports reports, Func<string, string?> environment)
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

        var ci = CiBuildInfo.FromEnvironment(environment);
        ReportFiles? files;
        try
        {
            files = WriteReports(report, ci);
        }
        catch (QualityGatesException ex)
        {
            ErrorOutput.Error(error, ex);
            return ExitCodes.BadInput;
        }

        // With --json, stdout carries the JSON report alone; the table and CI commands go to stderr,
        // which GitHub's runner and Azure's agent read for commands just the same.
        var log = reports.Json ? error : output;
        log.WriteLine(SummaryTable.Render(report));
        foreach (var warning in report.Warnings)
        {
            ErrorOutput.Line(error, "warning: " + warning);
        }

        foreach (var failed in report.Checks.Where(c => c.Status == GateStatus.Failed))
        {
            // Every failed check carries its QG2xxx code (GateCheck.Judge and Missing set it).
            ErrorOutput.Error(error, failed.Code!, $"{failed.Gate}: {failed.Message}");
        }

        // The CLI's error lines carry no file(line), so no problem matcher annotates them: the ::error commands do.
        foreach (var warning in CiReporter.Report(report, files, log, reports.Ci, environment))
        {
            ErrorOutput.Line(error, "warning: " + warning);
        }

        if (reports.Json)
        {
            output.WriteLine(ConsoleText.NeutraliseJson(JsonReportWriter.ToJson(report, ci)));
        }

        return report.AllPassed ? ExitCodes.Passed : ExitCodes.GateFailed;
    }

    private ReportFiles? WriteReports(QualityGateReport report, CiBuildInfo? ci)
    {
        if (reports.JUnitPath is not null)
        {
            ReportFileSet.WriteJUnit(report, reports.JUnitPath);
        }

        return reports.ReportDirectory is null ? null : new ReportFileSet(reports.ReportDirectory).Write(report, ci);
    }
}
