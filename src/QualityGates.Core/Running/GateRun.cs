using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Running.Solution;

namespace QualityGates.Running;

/// <summary>
/// The whole gate run, the one entry every adapter (the MSBuild task, the CLI, the test-platform
/// extension) calls: checks the settings, resolves and reads the inputs once, judges, writes the report
/// files, records the run in the registry, publishes it to the CI server and sends the webhook. An
/// adapter maps its settings into a <see cref="GateRunRequest"/> and prints the coded diagnostics that
/// come back; it never repeats a step. Every bad setting and bad file is one coded error, and with any
/// of them nothing is judged or written, so no report is ever made from partial inputs.
/// </summary>
internal sealed class GateRun
{
    private readonly GatePipeline _pipeline;
    private readonly SolutionRun _solution;

    public GateRun(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        _pipeline = new GatePipeline(clock, Watch);
        _solution = new SolutionRun(_pipeline, clock);
    }

    /// <summary>Raised for each passed check, in check order, as it is judged (sender: the <see cref="QualityGate"/>).</summary>
    public event EventHandler<GateCheckEventArgs>? GatePassed;

    /// <summary>Raised for each failed check, in check order, as it is judged.</summary>
    public event EventHandler<GateCheckEventArgs>? GateFailed;

    /// <summary>Raised once after the checks when any failed, before any report file is written.</summary>
    public event EventHandler<GateReportEventArgs>? GatesBlocked;

    /// <summary>Runs the gate for <paramref name="request"/>.</summary>
    /// <param name="request">Settings, inputs and what to do with the verdict.</param>
    /// <param name="ciCommands">Where CI workflow and logging commands go: the build log the CI server reads (the CLI's stdout, the task's high-importance messages).</param>
    /// <returns>
    /// The report and the diagnostics. Without a report (a bad setting or input) the diagnostics are the
    /// errors, one per problem. With a report they are, in order: one error per failed check (its QG2xxx
    /// code and gate); the warnings the report files list too (<see cref="QualityGateReport.RunWarnings"/>:
    /// QG0019 judged alone, QG0021, QG5010, QG1082 and QG2052 inputs, QG5004 handler, the warning tier and waivers QG2018,
    /// QG2021, QG2019, QG2020, QG2013 tolerated failed tests, QG2022 new code); then what came after the files
    /// were written: the report files' error or pruning warning (QG5001), the registry's errors (QG3xxx) or
    /// QG3002 nothing to approve (these warnings are also in the CI server's summary), QG5003 CI output and
    /// QG5002 webhook.
    /// </returns>
    public GateRunResult Execute(GateRunRequest request, TextWriter ciCommands)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ciCommands);
        return request.Solution is { Scope: not GateScope.Project } solution
            ? _solution.Execute(request, solution, ciCommands)
            : _pipeline.Run(request, ciCommands);
    }

    /// <summary>
    /// Checks the settings and reads the inputs without judging or writing anything: the errors
    /// <see cref="Execute"/> would stop at. For an adapter that found bad settings of its own and still
    /// wants every mistake of the run reported at once.
    /// </summary>
    public static IReadOnlyList<GateDiagnostic> Check(GateRunRequest request)
    {
        var diagnostics = new DiagnosticBag();
        RunPreparation.Of(request, diagnostics, TimeProvider.System);
        return diagnostics.Errors;
    }

    private void Watch(QualityGate gate)
    {
        gate.GatePassed += GatePassed;
        gate.GateFailed += GateFailed;
        gate.GatesBlocked += GatesBlocked;
    }
}
