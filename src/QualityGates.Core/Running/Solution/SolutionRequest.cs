using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;

namespace QualityGates.Running.Solution;

/// <summary>
/// Turns a project's gate request into its hand-in, and the hand-ins of a whole run into the solution's
/// request: tests added up, the Cobertura files of every project merged per source line (a line covered
/// by any project is covered, as <see cref="CoberturaReader"/> merges several files), every project's
/// excluded assemblies (their test assemblies) left out, and the security scans, model metrics,
/// context, thresholds and checks of the request that completed the run, read once.
/// </summary>
internal static class SolutionRequest
{
    /// <summary>The hand-in of a project whose inputs were read into <paramref name="inputs"/>.</summary>
    public static ProjectHandIn HandIn(GateRunRequest request, SolutionOptions solution, GateInputs inputs, IReadOnlyList<string> coverageFiles, IReadOnlyList<GateDiagnostic> inputWarnings) =>
        new(SolutionRunFolder.Key(solution.ProjectFile),
            Path.GetFileNameWithoutExtension(solution.ProjectFile.Trim()),
            inputs.Tests,
            inputs.Coverage is null ? [] : coverageFiles.Select(Path.GetFullPath).ToList(),
            request.CoverageFilter.ExcludeAssemblies,
            CoverageCounts.Of(inputs.Coverage))
        {
            Warnings = inputWarnings.Select(w => new HandInWarning(w.Code, w.Message, w.File, w.Line)).ToList(),
        };

    /// <summary>The warnings each project's inputs gave when it handed in, each message after the project's name, for the solution's report.</summary>
    public static IReadOnlyList<GateDiagnostic> Warnings(IReadOnlyList<ProjectHandIn> handIns) =>
        handIns.SelectMany(h => (h.Warnings ?? []).Select(w => new GateDiagnostic(DiagnosticSeverity.Warning, w.Code, $"{h.Name}: {w.Message}", w.File, w.Line))).ToList();

    /// <summary>The request that judges the solution from <paramref name="handIns"/>.</summary>
    public static GateRunRequest For(GateRunRequest completing, SolutionOptions solution, SolutionRunFolder run, IReadOnlyList<ProjectHandIn> handIns)
    {
        var tests = handIns.Select(h => h.Tests).OfType<TestRunSummary>().ToList();
        var merged = tests.Count == 0 ? null : TrxSummaryMerger.Merge(tests) with { CoverageAttachments = [] };
        return completing with
        {
            TargetFramework = null,
            TestResultFiles = [],
            TestMetricsFile = null,
            CoverageFiles = handIns.SelectMany(h => h.CoverageFiles).Distinct(StringComparer.Ordinal).ToList(),
            CoverageFilter = completing.CoverageFilter with
            {
                ExcludeAssemblies = handIns.SelectMany(h => h.ExcludedAssemblies).Concat(completing.CoverageFilter.ExcludeAssemblies).Distinct(StringComparer.Ordinal).ToList(),
            },
            Run = new RunInputs { Tests = merged },
            Model = new ModelIdentity(run.SolutionName, completing.Model?.Version ?? string.Empty),
            Reports = completing.Reports with { Folder = solution.Directory, TargetFramework = null, JUnitFile = null },
            Solution = null,
            SolutionProjects = handIns.Select(h => new SolutionProject(h.Name, TestCounts.Of(h.Tests), h.Coverage)).ToList(),
        };
    }
}
