using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Reports;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>One coded line to show: an error fails the run, a warning does not. <see cref="Gate"/> names the failed check, if any.</summary>
internal sealed record GateDiagnostic(string Code, string Message, bool IsError, string? Gate = null, string? File = null);

/// <summary>What a gate run gave: the report (null when a setting or input was bad), the files written, and every coded diagnostic.</summary>
internal sealed record GateResult(QualityGateReport? Report, ReportFiles? Files, IReadOnlyList<GateDiagnostic> Diagnostics, IReadOnlyList<string> CiLines)
{
    /// <summary>True when the run must fail: a failed check, or a gate that could not judge.</summary>
    public bool Blocked => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Runs the gate for a test application through the engine: judge, write the report files, publish to
/// the CI server and send the webhook, with the same codes as the MSBuild task (QG5001 report files,
/// QG5003 CI output, QG5002 webhook). Prints nothing itself: <see cref="GateOutput"/> shows the result.
/// </summary>
internal static class GateExecution
{
    public static GateResult Run(GateRunSettings settings, GateRunRequest request, Func<string, string?> environment)
    {
        var diagnostics = new List<GateDiagnostic>();
        var outcome = new GateRunner().Run(request);
        if (outcome.Report is not { } report)
        {
            diagnostics.AddRange(outcome.Errors.Select(Error));
            return new GateResult(null, null, diagnostics, []);
        }

        foreach (var check in report.Checks.Where(c => c.Status == GateStatus.Failed))
        {
            // Every failed check carries its QG2xxx code (GateCheck.Judge and Missing set it).
            diagnostics.Add(new GateDiagnostic(check.Code ?? ErrorCodes.TestPassRateBelowMinimum, check.Message, IsError: true, check.Gate));
        }

        diagnostics.AddRange(report.Warnings.Select(w => new GateDiagnostic(string.Empty, w, IsError: false)));
        var ci = CiBuildInfo.FromEnvironment(environment);
        ReportFiles? files = null;
        try
        {
            files = new ReportFileSet(settings.ReportDirectory).Write(report, ci);
        }
        catch (QualityGatesException ex)
        {
            diagnostics.Add(Error(ex));
        }

        var ciLines = new List<string>();
        if (settings.CiIntegration)
        {
            using var commands = new LineWriter(ciLines.Add);
            var options = new CiReportOptions { GitHubAnnotations = true, AzureIssues = true };
            diagnostics.AddRange(CiReporter.Report(report, files, commands, options, environment)
                .Select(w => new GateDiagnostic(ErrorCodes.CiOutputNotWritten, w, IsError: false)));
        }

        if (settings.Webhook is { } webhook && webhook.AppliesTo(report)
            && new WebhookNotifier(webhook).Send(report, files, ci) is { } problem)
        {
            diagnostics.Add(new GateDiagnostic(ErrorCodes.WebhookNotDelivered, problem, IsError: false));
        }

        return new GateResult(report, files, diagnostics, ciLines);
    }

    /// <summary>A result that is only errors: a setting or the settings file was bad, so nothing was judged.</summary>
    public static GateResult Failed(IEnumerable<QualityGatesException> errors) => new(null, null, errors.Select(Error).ToList(), []);

    private static GateDiagnostic Error(QualityGatesException ex) => new(ex.Code, ex.Message, IsError: true, File: ex.File);
}
