using QualityGates.Configuration.Settings;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Inputs.Cobertura;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Waivers;

namespace QualityGates.Running;

/// <summary>
/// Everything one gate run needs, as an adapter (the MSBuild task, the CLI, a test-platform extension)
/// was given it: raw settings, the input files the user named, what the run itself produced, and what
/// to do with the verdict. <see cref="GateRun.Execute"/> checks and resolves it all.
/// </summary>
internal sealed record GateRunRequest
{
    /// <summary>How messages name settings: in the vocabulary of the adapter that is running (MSBuild properties by default).</summary>
    public SettingNames Names { get; init; } = SettingNames.For(Adapter.MSBuild);

    /// <summary>The context as written; null or empty means <see cref="DefaultContext"/>.</summary>
    public string? Context { get; init; }

    /// <summary>What the user calls the context setting, for errors (<c>QualityGatesContext</c>, <c>--context</c>).</summary>
    public string ContextSource { get; init; } = "context";

    public IReadOnlyList<ThresholdOverride> Overrides { get; init; } = [];
    /// <summary>Fail checks whose input is missing: true, false, or null for the context's default (only production fails closed).</summary>
    public bool? Strict { get; init; }

    /// <summary>Judge an aborted test run on its partial results instead of failing it (see <see cref="GateOptions.AllowAbortedRun"/>).</summary>
    public bool AllowAbortedRun { get; init; }

    /// <summary>
    /// The target framework of this leg of a multi-targeting project (<c>net8.0</c>), so reports of the legs
    /// can be told apart; null for a project with one target framework.
    /// </summary>
    public string? TargetFramework { get; init; }
    public GateGroup Groups { get; init; } = GateGroup.All;

    /// <summary>Every assembly must meet the coverage minimum too (<see cref="Gates.CoverageStat.Minimum"/>), or only the total (default).</summary>
    public CoverageStat CoverageStat { get; init; }

    /// <summary>Any failed test (or an aborted run) blocks: adds the <c>tests.any_failure</c> check (QG2012).</summary>
    public bool FailOnAnyTestFailure { get; init; }

    public ModelIdentity? Model { get; init; }

    /// <summary>Relative paths, globs and the registry folder resolve against this folder.</summary>
    public string BaseDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>TRX files or globs the user named; when given they replace <see cref="Run"/>'s tests.</summary>
    public IReadOnlyList<string> TestResultFiles { get; init; } = [];

    /// <summary>Cobertura files or globs the user named; when given they replace <see cref="Run"/>'s coverage.</summary>
    public IReadOnlyList<string> CoverageFiles { get; init; } = [];

    /// <summary>Which assemblies and source files the coverage figure counts (the MSBuild task leaves out the test project's own assembly by default).</summary>
    public CoverageFilter CoverageFilter { get; init; } = CoverageFilter.None;

    /// <summary>Security scan files or globs (format detected from content).</summary>
    public IReadOnlyList<string> SecurityScanFiles { get; init; } = [];

    public string? TestMetricsFile { get; init; }
    public string? ModelMetricsFile { get; init; }
    public string? BaselineFile { get; init; }

    /// <summary>What the test run itself produced (its TRX, coverlet's files, in-process results); used when the user named none.</summary>
    public RunInputs Run { get; init; } = RunInputs.None;

    /// <summary>Which report files to write.</summary>
    public ReportOptions Reports { get; init; } = new();

    /// <summary>Approve a passing run / record a blocked one in the registry; null for neither.</summary>
    public RegistryOptions? Registry { get; init; }

    /// <summary>CI server publishing and the webhook (<see cref="CiReportOptions.Webhook"/>).</summary>
    public CiReportOptions Publish { get; init; } = new();

    // New-code coverage and the ratchet.
    /// <summary>Judge coverage of the lines the change added or modified (<c>coverage.new_code</c>); null leaves it off.</summary>
    public NewCodeOptions? NewCode { get; init; }

    /// <summary>Hold line coverage, branch coverage and pass rate to a baseline (<c>ratchet.*</c>); null leaves it off.</summary>
    public RatchetOptions? Ratchet { get; init; }
    /// <summary>BenchmarkDotNet exports to judge against a baseline (the <c>benchmarks.*</c> checks); null when none are named.</summary>
    public BenchmarkOptions? Benchmarks { get; init; }

    /// <summary>
    /// The waivers file as the user named it, relative to <see cref="BaseDirectory"/>; null or blank
    /// searches for <c>qualitygates.waivers.json</c> from <see cref="BaseDirectory"/> up to the repository root.
    /// </summary>
    public string? WaiversFile { get; init; }

    /// <summary>What the user calls the waivers file setting (<c>QualityGatesWaiversFile</c>, <c>--waivers</c>), for errors.</summary>
    public string WaiversFileSource { get; init; } = "waivers file";

    /// <summary>Reads environment variables (CI detection, registry, user); tests inject their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The context used when none is given: staging, whose thresholds are the default set.</summary>
    public const string DefaultContext = "staging";

    // Solution scope
    /// <summary>The project's part in a solution gate (QualityGatesScope); null: the project is judged alone.</summary>
    public Solution.SolutionOptions? Solution { get; init; }

    /// <summary>For a solution's own request: one row per test project, copied into <see cref="QualityGateReport.Projects"/>.</summary>
    public IReadOnlyList<SolutionProject> SolutionProjects { get; init; } = [];

    /// <summary>What the input loader reads.</summary>
    internal InputOptions ForInputs() => new()
    {
        BaseDirectory = BaseDirectory,
        Environment = Environment,
        Names = Names,
        Groups = Groups,
        TestResultFiles = TestResultFiles,
        CoverageFiles = CoverageFiles,
        CoverageFilter = CoverageFilter,
        SecurityScanFiles = SecurityScanFiles,
        TestMetricsFile = TestMetricsFile,
        ModelMetricsFile = ModelMetricsFile,
        BaselineFile = BaselineFile,
        Run = Run,
        NewCode = NewCode,
        Benchmarks = Benchmarks,
    };

    /// <summary>Where the waivers loader finds the waivers file.</summary>
    internal WaiverOptions ForWaivers() => new(WaiversFile, WaiversFileSource, BaseDirectory, Environment);

    /// <summary>What a baseline is looked up for in the registry for <paramref name="context"/>.</summary>
    internal BaselineLookup ForBaseline(Configuration.DeploymentContext context) => new(context, Model, Names, BaseDirectory, Environment);

    /// <summary>What the ratchet's baseline reader looks up for <paramref name="context"/>; null without the ratchet.</summary>
    internal RatchetBaselineQuery? ForRatchet(Configuration.DeploymentContext context) =>
        Ratchet is { } ratchet ? new(ratchet, context, Model, Names, BaseDirectory, Environment) : null;
}

/// <summary>
/// One threshold override as the user wrote it. <see cref="Name"/> is the catalog name
/// (<c>MinTestPassRate</c>); <see cref="Source"/> is what the user called it
/// (<c>QualityGatesMinTestPassRate</c>, <c>--min-test-pass-rate</c>), so errors name it.
/// </summary>
internal sealed record ThresholdOverride(string Name, string? Value, string Source);

/// <summary>The report files a run writes.</summary>
internal sealed record ReportOptions
{
    /// <summary>
    /// The report folder (junit-gates.xml, report-*.json, latest.json, gates.html, blocks.jsonl), relative
    /// to <see cref="GateRunRequest.BaseDirectory"/>; null writes no folder.
    /// </summary>
    public string? Folder { get; init; }

    /// <summary>
    /// When set, the files go to <c>&lt;Folder&gt;/&lt;TargetFramework&gt;/</c>, as a multi-targeted
    /// project's do, so the legs of one run never overwrite each other.
    /// </summary>
    public string? TargetFramework { get; init; }

    /// <summary>A single JUnit file to write besides (or instead of) the folder (the CLI's <c>--junit</c>); null for none.</summary>
    public string? JUnitFile { get; init; }

    /// <summary>Timestamped <c>report-*.json</c> files kept in the folder after this run (<see cref="Reports.ReportRetention"/>); 0 keeps every one.</summary>
    public int KeepReports { get; init; } = Reports.ReportRetention.DefaultKeep;

    /// <summary>Return the JSON report's text in <see cref="GateRunResult.Json"/> (the CLI's <c>--json</c>).</summary>
    public bool Json { get; init; }

    /// <summary>The folder the files go to (full path), or null when no folder is written.</summary>
    public string? FolderFor(string baseDirectory) => Folder is null ? null
        : string.IsNullOrWhiteSpace(TargetFramework) ? Path.GetFullPath(Folder, baseDirectory)
        : Path.Combine(Path.GetFullPath(Folder, baseDirectory), TargetFramework.Trim());
}

/// <summary>Approve-on-pass: where and by whom a run is recorded in the approval registry.</summary>
internal sealed record RegistryOptions
{
    /// <summary>The registry folder or PostgreSQL database (see <see cref="Registry.RegistryLocation"/>); null or blank = <c>QUALITYGATES_REGISTRY</c>, else <c>models/registry</c> (a folder is relative to the base folder).</summary>
    public string? Folder { get; init; }

    /// <summary>Who approves; null = the CI or OS user (the registry's rule).</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>What the user calls the switch (<c>QualityGatesApproveOnPass</c>, <c>--approve-on-pass</c>), for errors.</summary>
    public string Source { get; init; } = "approve on pass";
}
