using Microsoft.Build.Framework;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Reports;
using QualityGates.Running.Solution;

namespace QualityGates.MSBuild;

/// <summary>
/// Starts a solution run (QualityGatesScope Solution or Both, docs/solution.md) in the solution's own build,
/// before any test runs: one run of a solution at a time (a second <c>dotnet test</c> of the same solution
/// waits for the first, then refuses with QG0090), the report files marked incomplete until the run's
/// verdict replaces them, and a new run id whose manifest lists the gated test projects. The package's
/// QualityGates.MSBuild.Solution.targets calls it; the solution's build process owns the run.
/// </summary>
public sealed class StartSolutionRun : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The solution file (<c>$(SolutionPath)</c>).</summary>
    [Required]
    public string SolutionFile { get; set; } = string.Empty;

    /// <summary>The gated test projects (QualityGatesSolutionMember's outputs): identity = project file, metadata ReportDirectory = the solution report folder.</summary>
    public ITaskItem[] Members { get; set; } = [];

    /// <summary><c>Solution</c> (VSTest: the solution's build judges after every project's tests) or <c>LastHandIn</c> (Microsoft.Testing.Platform).</summary>
    [Required]
    public string Judge { get; set; } = string.Empty;

    /// <summary>The new run's id, for the projects' builds; empty when no run was started.</summary>
    [Output]
    public string RunId { get; private set; } = string.Empty;

    /// <summary>How long to wait for another run of the solution; tests shorten it.</summary>
    internal TimeSpan Wait { get; set; } = SolutionRunStart.DefaultWait;

    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        var solution = Path.GetFileName(SolutionFile);
        var folders = Members.Select(m => m.GetMetadata("ReportDirectory")).Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct(StringComparer.Ordinal).ToList();
        if (folders.Count != 1 || !Enum.TryParse<SolutionJudge>(Judge, ignoreCase: false, out var judge))
        {
            Log.LogError(null, ErrorCodes.InvalidSetting, null, ConsoleText.Neutralise(SolutionFile), 0, 0, 0, 0, "{0}", ConsoleText.Neutralise(folders.Count > 1
                ? $"The test projects of {solution} name different solution report folders ({string.Join(", ", folders)}); set {SettingsCatalogue.SolutionReportDirectory.MSBuild} once for all of them, in Directory.Build.props."
                : $"No solution run of {solution} can start: the solution's test projects named no solution report folder, or the judge '{Judge}' is not Solution or LastHandIn."));
            return false;
        }

        SolutionRunStartResult result;
        try
        {
            result = SolutionRunStart.Start(new SolutionRunStartRequest
            {
                ReportFolder = folders[0],
                SolutionFile = SolutionFile,
                Members = Members.Select(m => m.ItemSpec).ToList(),
                Judge = judge,
                Wait = Wait,
                Cancellation = _cancel.Token,
                Waiting = other => Log.LogMessage(MessageImportance.High, "{0}", ConsoleText.Neutralise(
                    $"QualityGates: another dotnet test of {solution} is running its solution {other}; this run waits for it to end (at most {Wait.TotalMinutes:0.#} min).")),
            });
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            var file = ConsoleText.Neutralise(diagnostic.File ?? SolutionFile);
            if (diagnostic.IsError)
            {
                Log.LogError(null, diagnostic.Code, null, file, 0, 0, 0, 0, "{0}", ConsoleText.Neutralise(diagnostic.Message));
            }
            else
            {
                Log.LogWarning(null, diagnostic.Code, null, file, 0, 0, 0, 0, "{0}", ConsoleText.Neutralise(diagnostic.Message));
            }
        }

        RunId = result.RunId ?? string.Empty;
        if (result.RunId is not null)
        {
            Log.LogMessage(MessageImportance.Normal, "QualityGates: solution run {0} of {1} started for {2} test projects.", result.RunId, ConsoleText.Neutralise(solution), Members.Length);
        }

        return !Log.HasLoggedErrors;
    }
}
