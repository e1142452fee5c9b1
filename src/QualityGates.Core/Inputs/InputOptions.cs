using QualityGates.Configuration.Settings;
using QualityGates.Gates;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Inputs.Cobertura;

namespace QualityGates.Inputs;

/// <summary>What <see cref="GateInputLoader"/> reads: the input files the user named, what the run itself produced, and where paths resolve.</summary>
internal sealed record InputOptions
{
    /// <summary>Relative paths and globs resolve against this folder.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Reads environment variables (the pull request's target branch for new code).</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>How messages name settings.</summary>
    public required SettingNames Names { get; init; }

    /// <summary>The gate groups judged: coverlet.collector's attachments are read only when coverage is.</summary>
    public GateGroup Groups { get; init; } = GateGroup.All;

    public IReadOnlyList<string> TestResultFiles { get; init; } = [];
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];
    public CoverageFilter CoverageFilter { get; init; } = CoverageFilter.None;
    public IReadOnlyList<string> SecurityScanFiles { get; init; } = [];
    public string? TestMetricsFile { get; init; }
    public string? ModelMetricsFile { get; init; }
    public string? BaselineFile { get; init; }

    /// <summary>What the test run itself produced; used for the kinds of input the user did not name.</summary>
    public RunInputs Run { get; init; } = RunInputs.None;

    /// <summary>Where the change for new-code coverage comes from; null leaves new code unread.</summary>
    public NewCodeOptions? NewCode { get; init; }

    /// <summary>BenchmarkDotNet exports to read, and the named baseline's; null when none are named.</summary>
    public BenchmarkOptions? Benchmarks { get; init; }
}

/// <summary>Where the change for <c>coverage.new_code</c> comes from (see docs/coverage.md, "New-code coverage").</summary>
internal sealed record NewCodeOptions
{
    /// <summary>The branch or commit the change will merge into; null or blank = the pull request's target from the CI environment, else the default branch.</summary>
    public string? BaseRef { get; init; }

    /// <summary>What the user calls the base-ref setting (<c>QualityGatesBaseRef</c>, <c>--base-ref</c>), for messages.</summary>
    public string BaseRefSource { get; init; } = "base ref";

    /// <summary><c>WorkingTree</c> (the default: commits, uncommitted changes and untracked source files) or <c>Head</c> (commits only), as written.</summary>
    public string? Diff { get; init; }

    /// <summary>What the user calls the diff setting (<c>QualityGatesNewCodeDiff</c>, <c>--new-code-diff</c>), for errors.</summary>
    public string DiffSource { get; init; } = "new-code diff";

    /// <summary>The git program to run; <c>git</c> on the PATH.</summary>
    public string GitProgram { get; init; } = "git";
}
