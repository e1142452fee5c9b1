using QualityGates.Errors;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary>Runs one <c>check</c> through the engine's <see cref="GateRun"/>, prints what comes back and chooses the exit code.</summary>
internal sealed class CheckExecution(TextWriter output, TextWriter error)
{
    public int Run(GateRunRequest request)
    {
        // With --json, stdout carries the JSON report alone; the table and CI commands go to stderr,
        // which GitHub's runner and Azure's agent read for commands just the same.
        var log = request.Reports.Json ? error : output;
        var result = new GateRun().Execute(request, log);
        if (result.Report is { } report)
        {
            log.WriteLine(SummaryTable.Render(report));
            foreach (var line in result.InputLines)
            {
                log.WriteLine(line);
            }
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            ErrorOutput.Write(error, diagnostic);
        }

        if (result.SummaryLine is { } summary)
        {
            log.WriteLine(summary);
        }

        if (result.Json is { } json)
        {
            output.WriteLine(ConsoleText.NeutraliseJson(json));
        }

        // A failed check is the gate's verdict (1); any other error (a bad input, a report or registry failure) is 2.
        return result.Report is null || result.Diagnostics.Any(d => d.IsError && d.Gate is null) ? ExitCodes.BadInput
            : result.Passed ? ExitCodes.Passed
            : ExitCodes.GateFailed;
    }
}
