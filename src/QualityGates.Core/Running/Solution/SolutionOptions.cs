using QualityGates.Errors;

namespace QualityGates.Running.Solution;

/// <summary>Which verdicts a test project's gate run gives (the <c>QualityGatesScope</c> setting).</summary>
internal enum GateScope
{
    /// <summary>Each test project is judged alone (the default: what the package always did).</summary>
    Project,

    /// <summary>Only one verdict over all test projects of the solution run; a project hands its results on and is not judged alone.</summary>
    Solution,

    /// <summary>Each project is judged alone, and the solution too.</summary>
    Both,
}

/// <summary>
/// A test project's part in a solution gate: where the solution's gate folder is and who the project is.
/// The project takes part only when the solution's run manifest (written before the tests by the
/// solution's <c>Directory.Solution.targets</c>, docs/solution.md) lists it.
/// </summary>
internal sealed record SolutionOptions
{
    /// <summary>Project, Solution or Both.</summary>
    public GateScope Scope { get; init; }

    /// <summary>
    /// The solution's report folder (full path, e.g. <c>&lt;solution folder&gt;/.quality-gates/</c>); its
    /// <c>run/</c> subfolder holds the run manifest and the projects' hand-ins. Null when the project was not
    /// built as part of a solution: it is then judged alone, with warning QG0019.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>The project file (full path): the project's key in the run manifest.</summary>
    public string ProjectFile { get; init; } = string.Empty;

    /// <summary>
    /// The solution run this project was started by (VSTest: the solution's build gives each project its run
    /// id); null for a test application, which finds the run its own <c>dotnet test</c> started.
    /// </summary>
    public string? RunId { get; init; }

    /// <summary>
    /// True for the solution's build after every project's tests (VSTest): judge the run <see cref="RunId"/>
    /// from its hand-ins, with this project's settings, instead of judging or handing in the project.
    /// </summary>
    public bool Verdict { get; init; }

    /// <summary>What the user calls the scope setting (<c>QualityGatesScope</c>), for errors.</summary>
    public string Source { get; init; } = Configuration.Settings.SettingsCatalogue.Scope.MSBuild!;

    /// <summary>Reads a scope as written: empty is <see cref="GateScope.Project"/>; anything but Project, Solution or Both is QG0018.</summary>
    public static GateScope ParseScope(string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return GateScope.Project;
        }

        return Enum.TryParse<GateScope>(value.Trim(), ignoreCase: true, out var scope) && Enum.IsDefined(scope) && !int.TryParse(value, out _)
            ? scope
            : throw new QualityGatesException(ErrorCodes.InvalidScope, $"{source} is '{value.Trim()}'; allowed values are Project, Solution and Both.");
    }
}
