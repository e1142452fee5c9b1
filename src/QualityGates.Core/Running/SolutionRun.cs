using System.Globalization;
using QualityGates.Errors;
using QualityGates.Reports;
using QualityGates.Running.Solution;

namespace QualityGates.Running;

/// <summary>
/// The solution hand-in of <see cref="GateRun"/> (QualityGatesScope Solution or Both, docs/solution.md): a
/// project hands in to its solution run, and the run is judged once, by the solution's build (VSTest) or by
/// the project whose hand-in completes it (Microsoft.Testing.Platform).
/// </summary>
/// <param name="pipeline">Judges a run (the project's own, the solution's).</param>
/// <param name="time">The clock of a hand-in's preparation.</param>
internal sealed class SolutionRun(GatePipeline pipeline, TimeProvider time)
{
    /// <summary>
    /// QualityGatesScope Solution or Both: the project hands its results to its solution run (judging itself
    /// too with Both). Under Microsoft.Testing.Platform the project whose hand-in completes the run judges the
    /// solution, whose result comes back in <see cref="GateRunResult.Solution"/>, each message saying so; in
    /// VSTest mode the solution's build judges the run afterwards (<see cref="SolutionOptions.Verdict"/>).
    /// A project no solution run lists is judged alone, with warning QG0019.
    /// </summary>
    public GateRunResult Execute(GateRunRequest request, SolutionOptions solution, TextWriter ciCommands)
    {
        SolutionRunFolder? run;
        string? notInRun;
        try
        {
            run = SolutionRunFolder.Find(solution, out notInRun);
        }
        catch (QualityGatesException ex)
        {
            return new GateRunResult { Diagnostics = [GateDiagnostic.From(ex)] };
        }

        if (solution.Verdict)
        {
            return run is null
                ? new GateRunResult { Diagnostics = [new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.SolutionRunIncomplete,
                    ConsoleText.Neutralise($"The solution's verdict cannot be made: {notInRun ?? "no solution run was started"}."), solution.ProjectFile)] }
                : JudgeAfterAllProjects(request, solution, run, ciCommands);
        }

        if (run is null)
        {
            var notListed = NotInSolutionRun(solution, notInRun);
            var alone = pipeline.Run(request, ciCommands, earlier: [notListed]);
            // A bad setting or input stops the run before judging: the warning is still said.
            return alone.Report is null ? alone with { Diagnostics = [notListed, .. alone.Diagnostics] } : alone;
        }

        GateRunResult own;
        ProjectHandIn handIn;
        if (solution.Scope == GateScope.Both)
        {
            own = pipeline.Run(request, ciCommands);
            if (own.Report is not { } report)
            {
                return own;
            }

            handIn = SolutionRequest.HandIn(request, solution, report.Inputs, own.CoverageFiles, own.InputWarnings);
        }
        else
        {
            var prepared = new DiagnosticBag();
            var (_, _, inputs, coverageFiles) = RunPreparation.Of(request, prepared, time);
            if (prepared.HasErrors)
            {
                return new GateRunResult { Diagnostics = prepared.Errors };
            }

            var inputWarnings = prepared.Warnings;

            own = new GateRunResult { Diagnostics = inputWarnings };
            handIn = SolutionRequest.HandIn(request, solution, inputs, coverageFiles, inputWarnings);
        }

        (int HandedIn, IReadOnlyList<ProjectHandIn>? All) handedIn;
        try
        {
            handedIn = run.HandIn(handIn);
        }
        catch (QualityGatesException ex)
        {
            return own with { Diagnostics = [.. own.Diagnostics, GateDiagnostic.From(ex)] };
        }

        if (handedIn.All is not { } all)
        {
            var waiting = string.Create(CultureInfo.InvariantCulture,
                $"QualityGates: {handIn.Name} handed its results to the solution gate of {run.SolutionName} ({handedIn.HandedIn} of {run.Members.Count} test projects so far); {(run.Judge == SolutionJudge.Solution ? "the solution's build judges the solution when every project's tests have run" : "the last one judges the solution")}.");
            return own with { Messages = [ConsoleText.Neutralise(waiting)], HandedToSolution = solution.Scope == GateScope.Solution };
        }

        // Every message of this verdict says whose it is: it is printed among this project's output.
        var verdict = Judged(run, pipeline.Run(SolutionRequest.For(request, solution, run, all), ciCommands, handedIn: SolutionRequest.Warnings(all)),
            ConsoleText.Neutralise($"Solution {run.SolutionName}'s verdict (judged in {handIn.Name}, whose hand-in completed the run): "));
        return own with { Solution = verdict, HandedToSolution = solution.Scope == GateScope.Solution };
    }

    /// <summary>
    /// VSTest: the solution's build, once every project's tests have run, judges the run from its hand-ins with
    /// this project's settings. A project that handed in nothing makes the run incomplete (QG1071): no verdict
    /// from part of the solution, and the report files say why.
    /// </summary>
    private GateRunResult JudgeAfterAllProjects(GateRunRequest request, SolutionOptions solution, SolutionRunFolder run, TextWriter ciCommands)
    {
        IReadOnlyList<ProjectHandIn> handedIn;
        IReadOnlyList<string> missing;
        try
        {
            (handedIn, missing) = run.TakeAll();
        }
        catch (QualityGatesException ex)
        {
            return new GateRunResult { Diagnostics = [GateDiagnostic.From(ex)], SolutionFile = run.SolutionFile };
        }

        if (missing.Count > 0)
        {
            var reason = $"{string.Join(", ", missing)} handed in no results: {(missing.Count == 1 ? "its" : "their")} tests did not reach the gate (a failed build, a test host that crashed, a run that was stopped)";
            var diagnostics = new DiagnosticBag
            {
                new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.SolutionRunIncomplete, ConsoleText.Neutralise(
                    $"The solution's verdict of {run.SolutionName} cannot be made: {reason}. The report files in '{run.ReportFolder}' say the run is incomplete."), run.SolutionFile),
            };
            diagnostics.Attempt(() => run.MarkIncomplete(reason + ".", missing));
            diagnostics.Attempt(run.Complete);
            return new GateRunResult { Diagnostics = [.. diagnostics], SolutionFile = run.SolutionFile };
        }

        return Judged(run, pipeline.Run(SolutionRequest.For(request, solution, run, handedIn), ciCommands, handedIn: SolutionRequest.Warnings(handedIn)), prefix: null);
    }

    /// <summary>Ends <paramref name="run"/> and points the verdict's diagnostics and summary line at the solution file, each message after <paramref name="prefix"/>.</summary>
    private static GateRunResult Judged(SolutionRunFolder run, GateRunResult verdict, string? prefix)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(verdict.Diagnostics.Select(d => d with { File = d.File ?? run.SolutionFile, Message = prefix + d.Message }));
        diagnostics.Attempt(run.Complete);
        return verdict with
        {
            Diagnostics = [.. diagnostics],
            SummaryLine = prefix is null || verdict.SummaryLine is not { } line ? verdict.SummaryLine
                : line.StartsWith(Reports.SummaryLine.Prefix, StringComparison.Ordinal) ? Reports.SummaryLine.Prefix + prefix + line[Reports.SummaryLine.Prefix.Length..] : prefix + line,
            SolutionFile = run.SolutionFile,
        };
    }

    private static GateDiagnostic NotInSolutionRun(SolutionOptions solution, string? why) =>
        GateDiagnostic.Warning(ErrorCodes.NotInSolutionRun, ConsoleText.Neutralise(
            $"{solution.Source} is {solution.Scope}, but this run of {Path.GetFileNameWithoutExtension(solution.ProjectFile)} is not part of a solution run that lists it{(why is null ? string.Empty : $" ({why})")}, so it was judged alone. Run dotnet test on the solution, with the solution's Directory.Solution.targets in place ({DocumentationLinks.Page("solution.md")})."));
}
