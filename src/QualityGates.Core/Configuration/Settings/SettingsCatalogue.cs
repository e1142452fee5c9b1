using System.Globalization;
using QualityGates.Errors;

namespace QualityGates.Configuration.Settings;

/// <summary>
/// Every setting of the gate, once: its MSBuild property, <c>qualitygates check</c> option and test
/// application option (or why it has none in one of them), what it accepts, its default and what it
/// does. The MSBuild task, the CLI, the test-platform extension, the package's props defaults and
/// build fragment (build/QualityGates.MSBuild.Settings.*, generated from here) and docs/settings.md all
/// derive from it. Adding a setting is one entry here plus its use in <c>SettingsRequest</c>.
/// </summary>
internal static class SettingsCatalogue
{
    /// <summary>One unit per kind of figure, in every adapter.</summary>
    public static IReadOnlyList<string> UnitConventions { get; } =
    [
        "Rates, coverage and scores are fractions from 0 to 1 (0.95 = 95 %), with '.' as the decimal separator in every culture.",
        "A change against a baseline is a fraction of the baseline (0.20 = 20 % more).",
        "A tolerance on a rate is in percentage points (0.1 = 0.1 pp).",
        "Counts are whole numbers of 0 or more; durations are in the unit the name or the reference gives (seconds, days).",
        "Lists are ';'-separated in MSBuild and in the test application's settings file, and repeated options (or ';'-separated values) on a command line.",
        "Relative paths resolve against the test project's folder (MSBuild, test application) or the current folder (CLI).",
    ];

    private const string RunSection = "Running the gate";
    private const string InputSection = "Inputs";
    private const string CoverageSection = "Coverage";
    private const string ModelSection = "Model and approval registry";
    private const string NewCodeSection = "New code and the ratchet";
    private const string ReportSection = "Reports and publishing";
    private const string SolutionSection = "Solution";
    private const string ThresholdSection = "Thresholds";
    private const string WarningSection = "Warning levels and waivers";
    private const string BuildSection = "Build";

    private const string OnlyDotnetTest = "solution runs are dotnet test's; judge several projects' files with repeated --test-results and --coverage";
    private const string ReadByBuildFilesCli = "read by the package's build files; the CLI runs no build";
    private const string ReadByBuildFilesPlatform = "read by the package's build files, before the test application exists";
    private const string NoMSBuildAfterPlatform = "no MSBuild target runs after Microsoft.Testing.Platform tests";

    /// <summary>The parts of the reference, in its order.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        [RunSection, ThresholdSection, WarningSection, InputSection, CoverageSection, NewCodeSection, ModelSection, ReportSection, SolutionSection, BuildSection];

    // Declared first: the entries below add themselves in this order, which is the order of validation and of the reference.
    private static readonly List<Setting> Entries = [];

    public static IReadOnlyList<Setting> All => Entries;

    // Running the gate
    public static Setting Enabled { get; } = Add(new("Enabled", RunSection, SettingKind.Switch(whenUnset: true),
        "Master switch: false runs the tests without the gate; the package changes nothing.")
    {
        CliNotApplicable = "the CLI judges only when it is run",
        Default = "true",
        PropsDefault = "true",
    });

    public static Setting Context { get; } = Add(new("Context", RunSection, SettingKind.Context,
        "The deployment context whose thresholds apply (prod and other abbreviations are refused).")
    {
        Cli = "--context",
        CliShort = "-c",
        Default = "staging",
        PropsDefault = "staging",
    });

    public static Setting Checks { get; } = Add(new("Checks", RunSection,
        SettingKind.ChoiceList(ErrorCodes.InvalidSetting, "a group of checks", "All", "Tests", "Coverage", "Model", "Security", "Benchmarks"),
        "The groups of checks to run; a group not run shows no rows.")
    {
        Cli = "--checks",
        Default = "Tests;Coverage;Benchmarks, plus Model when a model metrics or baseline file is named and Security when a scan is named (the benchmark checks run only when benchmark files are named)",
        PropsDefault = string.Empty,
    });

    public static Setting Strict { get; } = Add(new("Strict", RunSection, SettingKind.OptionalSwitch,
        "A check whose input is missing fails instead of being skipped.")
    {
        Cli = "--strict",
        Default = "true in production, false in development and staging",
        PropsDefault = string.Empty,
    });

    public static Setting FailOnAnyTestFailure { get; } = Add(new("FailOnAnyTestFailure", RunSection, SettingKind.Switch(whenUnset: false),
        "Any failed or aborted test blocks the run (check tests.any_failure, QG2012).")
    {
        Cli = "--fail-on-any-test-failure",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting AllowAbortedRun { get; } = Add(new("AllowAbortedRun", RunSection, SettingKind.Switch(whenUnset: false),
        "Judge a test run its producer marks as aborted on its partial results, instead of failing tests.pass_rate.")
    {
        Cli = "--allow-aborted-run",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting TargetFramework { get; } = Add(new("TargetFramework", RunSection, SettingKind.Text("tfm", "target framework (net8.0)"),
        "The target framework this run tested, put into the JUnit names so the legs of a multi-targeting project stay apart.")
    {
        MSBuildNotApplicable = "the package passes $(TargetFramework) itself when the project has several",
        Cli = "--target-framework",
        TestingPlatformNotApplicable = "the build writes the leg's $(TargetFramework) into the settings file itself when the project has several",
    });

    // Inputs
    public static Setting TestResultFiles { get; } = Add(new("TestResultFiles", InputSection, SettingKind.List("trx", "TRX files or globs"),
        "TRX files or globs to judge instead of this run's results.")
    {
        Cli = "--test-results",
        TestingPlatformNotApplicable = "the test application judges the results of its own session",
        MSBuildItem = "QualityGatesTestResultFile",
        Default = "this run's TRX",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageFiles { get; } = Add(new("CoverageFiles", InputSection, SettingKind.List("xml", "Cobertura files or globs"),
        "Cobertura files or globs to judge instead of this run's coverage.")
    {
        Cli = "--coverage",
        TestingPlatform = TestingPlatformPrefix("coverage"),
        MSBuildItem = "QualityGatesCoverageFile",
        Default = "this run's coverage",
        PropsDefault = string.Empty,
    });

    public static Setting TestMetricsFile { get; } = Add(new("TestMetricsFile", InputSection, SettingKind.Text("json", "file"),
        "Test figures as JSON (total_tests, passed_tests, failed_tests, skipped_tests, coverage_percent) for runs without a TRX.")
    {
        Cli = "--test-metrics",
        DocsPage = "inputs-json.md",
        PropsDefault = string.Empty,
    });

    public static Setting ModelMetricsFile { get; } = Add(new("ModelMetricsFile", InputSection, SettingKind.Text("json", "file"),
        "Model metrics JSON (quality_score, latency_ms, …; optional baseline_*) for the model checks.")
    {
        Cli = "--metrics",
        PropsDefault = string.Empty,
    });

    public static Setting ModelBaselineFile { get; } = Add(new("ModelBaselineFile", InputSection, SettingKind.Text("json", "file"),
        "Baseline model metrics JSON, of the same shape, that the model's regression checks compare with.")
    {
        Cli = "--model-baseline",
        Aliases = [new SettingAlias(Setting.PropertyPrefix + "BaselineFile", "--baseline", null)],
        PropsDefault = string.Empty,
    });

    public static Setting SecurityScanFiles { get; } = Add(new("SecurityScanFiles", InputSection, SettingKind.List("file", "scan files or globs"),
        "Security scans: simple JSON, Trivy, Grype, SARIF or the JSON of dotnet list package's vulnerable report; the format is detected.")
    {
        Cli = "--security-scan",
        MSBuildItem = "QualityGatesSecurityScanFile",
        PropsDefault = string.Empty,
    });

    public static Setting BenchmarkFiles { get; } = Add(new("BenchmarkFiles", InputSection, SettingKind.List("json", "BenchmarkDotNet JSON exports or globs"),
        "This run's BenchmarkDotNet JSON exports (*-report-full.json, brief or compressed): adds benchmarks.time and benchmarks.allocated against a baseline.")
    {
        Cli = "--benchmarks",
        MSBuildItem = "QualityGatesBenchmarkFile",
        DocsPage = "benchmarks.md",
        PropsDefault = string.Empty,
    });

    public static Setting BenchmarkBaselineFiles { get; } = Add(new("BenchmarkBaselineFiles", InputSection, SettingKind.List("json", "BenchmarkDotNet JSON exports or a gate report (latest.json), or globs"),
        "The baseline the benchmark checks compare with: its BenchmarkDotNet exports, or an earlier gate report.")
    {
        Cli = "--benchmark-baseline",
        MSBuildItem = "QualityGatesBenchmarkBaselineFile",
        DocsPage = "benchmarks.md",
        Default = "the benchmarks recorded with the registry's last approval for the model and context",
        PropsDefault = string.Empty,
    });

    // Coverage
    public static Setting CoverageIncludeAssemblies { get; } = Add(new("CoverageIncludeAssemblies", CoverageSection,
        SettingKind.List("name", "assembly patterns (* and ?; the Cobertura package names)"),
        "The only assemblies the coverage figure counts.")
    {
        Cli = "--coverage-include-assembly",
        MSBuildItem = "QualityGatesCoverageIncludeAssembly",
        Default = "all",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageExcludeAssemblies { get; } = Add(new("CoverageExcludeAssemblies", CoverageSection,
        SettingKind.List("name", "assembly patterns (* and ?; the Cobertura package names)"),
        "Assemblies the coverage figure leaves out (an exclude wins over an include).")
    {
        Cli = "--coverage-exclude-assembly",
        MSBuildItem = "QualityGatesCoverageExcludeAssembly",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageIncludeFiles { get; } = Add(new("CoverageIncludeFiles", CoverageSection,
        SettingKind.List("glob", "source-file globs (** for any folders)"),
        "The only source files the coverage figure counts.")
    {
        Cli = "--coverage-include-file",
        MSBuildItem = "QualityGatesCoverageIncludeFile",
        Default = "all",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageExcludeFiles { get; } = Add(new("CoverageExcludeFiles", CoverageSection,
        SettingKind.List("glob", "source-file globs (** for any folders)"),
        "Source files the coverage figure leaves out, e.g. **/Generated/*.cs.")
    {
        Cli = "--coverage-exclude-file",
        MSBuildItem = "QualityGatesCoverageExcludeFile",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageExcludeTestAssembly { get; } = Add(new("CoverageExcludeTestAssembly", CoverageSection, SettingKind.Switch(whenUnset: true),
        "Leave the test project's own assembly out of the coverage figure, whichever collector wrote the file.")
    {
        CliNotApplicable = "the CLI does not know which assembly holds the tests; name it with --coverage-exclude-assembly",
        Default = "true",
        PropsDefault = "true",
    });

    public static Setting CoverageStat { get; } = Add(new("CoverageStat", CoverageSection,
        SettingKind.Choice(ErrorCodes.InvalidSetting, "a coverage statistic", ("Total", "the run's total, the default"), ("Minimum", "every assembly must meet the minimum too")),
        "Which coverage the minimum applies to: the run's total, or also every assembly on its own (QG2025, QG2026).")
    {
        Cli = "--coverage-stat",
        Default = "Total",
        PropsDefault = "Total",
    });

    // Model and approval registry
    public static Setting Model { get; } = Add(new("Model", ModelSection, SettingKind.Text("name:version", "name:version"),
        "The model or product and its version, in reports and the registry.")
    {
        MSBuildNotApplicable = "set QualityGatesModelName and QualityGatesModelVersion",
        Cli = "--model",
        CliShort = "-m",
        TestingPlatformNotApplicable = "use --quality-gates-model-name and --quality-gates-model-version",
    });

    public static Setting ModelName { get; } = Add(new("ModelName", ModelSection, SettingKind.Text("name", "name"),
        "The model or product name in reports and the JUnit suite name.")
    {
        CliNotApplicable = "the name part of --model name:version",
        Default = "the project's name",
        PropsDefault = "$(MSBuildProjectName)",
    });

    public static Setting ModelVersion { get; } = Add(new("ModelVersion", ModelSection, SettingKind.Text("version", "version"),
        "The model or product version in reports and the registry.")
    {
        CliNotApplicable = "the version part of --model name:version",
        Default = "the project's $(Version)",
        LateDefault = "$(Version)",
    });

    public static Setting ApproveOnPass { get; } = Add(new("ApproveOnPass", ModelSection, SettingKind.Switch(whenUnset: false),
        "Approve the model version for the context in the registry after a passing gate; record a blocked run as blocked.")
    {
        Cli = "--approve-on-pass",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting ApprovedBy { get; } = Add(new("ApprovedBy", ModelSection, SettingKind.Text("who", "name"),
        "Who approves.")
    {
        Cli = "--approved-by",
        Default = "the CI user (QUALITYGATES_USER, GITHUB_ACTOR, BUILD_REQUESTEDFOR, …), else the OS user",
        PropsDefault = string.Empty,
    });

    public static Setting Registry { get; } = Add(new("Registry", ModelSection, SettingKind.Text("dir", "folder, or postgresql://user@host:port/db"),
        "The approval registry: a folder, or a PostgreSQL database (its password only from QUALITYGATES_REGISTRY_PASSWORD or PGPASSWORD).")
    {
        Cli = "--registry",
        Echo = SettingEcho.Location,
        Default = "QUALITYGATES_REGISTRY, else models/registry",
        PropsDefault = string.Empty,
    });

    // New code and the ratchet
    public static Setting NewCode { get; } = Add(new("NewCode", NewCodeSection, SettingKind.Switch(whenUnset: false),
        "Add coverage.new_code: the coverage of the lines this change added or modified (runs git).")
    {
        Cli = "--new-code",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting BaseRef { get; } = Add(new("BaseRef", NewCodeSection, SettingKind.Text("ref", "branch or commit"),
        "The branch or commit the change merges into; the change is taken from the merge base with it.")
    {
        Cli = "--base-ref",
        Default = "the CI server's pull request target, else origin/HEAD, main, master",
        PropsDefault = string.Empty,
    });

    public static Setting NewCodeDiff { get; } = Add(new("NewCodeDiff", NewCodeSection,
        SettingKind.Choice(ErrorCodes.InvalidNewCodeSetting, "a diff mode",
            ("WorkingTree", "the commits since the merge base plus uncommitted changes and untracked source files"), ("Head", "the commits only")),
        "What the change is: the work tree (commits, uncommitted changes, untracked source files) or the commits only.")
    {
        Cli = "--new-code-diff",
        Default = "WorkingTree",
        PropsDefault = "WorkingTree",
    });

    public static Setting Ratchet { get; } = Add(new("Ratchet", NewCodeSection, SettingKind.Switch(whenUnset: false),
        "Add ratchet.line_coverage, ratchet.branch_coverage and ratchet.test_pass_rate: no figure may fall below the baseline by more than the tolerance.")
    {
        Cli = "--ratchet",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting BaselineReport { get; } = Add(new("BaselineReport", NewCodeSection, SettingKind.Text("json", "file"),
        "A JSON gate report (e.g. main's latest.json) to ratchet against.")
    {
        Cli = "--baseline-report",
        Default = "the registry's last approved report for the model and context",
        PropsDefault = string.Empty,
    });

    // Reports and publishing
    public static Setting ReportDirectory { get; } = Add(new("ReportDirectory", ReportSection, SettingKind.Text("dir", "folder"),
        "Where gates.html, junit-gates.xml, report-<time>.json, latest.json and blocks.jsonl go.")
    {
        Cli = "--report-dir",
        MSBuildValue = "$(_QualityGatesReportDirectory)",
        Default = ".quality-gates/ in the project folder (.quality-gates/<tfm>/ with several target frameworks); CLI: none",
        PropsDefault = "$(MSBuildProjectDirectory)/.quality-gates/",
    });

    public static Setting KeepReports { get; } = Add(new("KeepReports", ReportSection,
        SettingKind.WholeNumber(0, int.MaxValue, "whole number of reports to keep, 0 or more (0 keeps them all)", "count"),
        "How many timestamped report-*.json files the report folder keeps, newest first; latest.json and this run's are never deleted.")
    {
        Cli = "--keep-reports",
        Default = "20",
        PropsDefault = "20",
    });

    public static Setting JUnitFile { get; } = Add(new("JUnitFile", ReportSection, SettingKind.Text("path", "file"),
        "Also write the JUnit XML report to this file.")
    {
        MSBuildNotApplicable = "the report folder always holds junit-gates.xml",
        Cli = "--junit",
        TestingPlatformNotApplicable = "the report folder always holds junit-gates.xml",
    });

    public static Setting Json { get; } = Add(new("Json", ReportSection, SettingKind.Switch(whenUnset: false),
        "Print the JSON report on stdout, and nothing else there (the table goes to stderr).")
    {
        MSBuildNotApplicable = "the JSON report is written to the report folder",
        Cli = "--json",
        TestingPlatformNotApplicable = "the JSON report is written to the report folder",
        Default = "false",
    });

    public static Setting CiIntegration { get; } = Add(new("CiIntegration", ReportSection, SettingKind.Switch(whenUnset: true),
        "Publish to GitHub Actions or Azure Pipelines when the run is on one: annotations, the summary table, step outputs.")
    {
        Cli = "--ci-integration",
        Default = "true",
        PropsDefault = "true",
    });

    public static Setting WebhookUrl { get; } = Add(new("WebhookUrl", ReportSection, SettingKind.HttpUrl,
        "POST a JSON payload to this URL when the gates block; never logged whole.")
    {
        Cli = "--webhook",
        Echo = SettingEcho.Endpoint,
        Default = "QUALITYGATES_WEBHOOK_URL, else none",
        PropsDefault = string.Empty,
    });

    public static Setting WebhookAlways { get; } = Add(new("WebhookAlways", ReportSection, SettingKind.Switch(whenUnset: false),
        "Also POST the webhook after a passing run.")
    {
        Cli = "--webhook-always",
        Default = "false",
        PropsDefault = "false",
    });

    public static Setting WebhookTimeout { get; } = Add(new("WebhookTimeout", ReportSection, SettingKind.Seconds(120),
        "The webhook delivery's time limit, connecting included; a late delivery is warning QG5002.")
    {
        Cli = "--webhook-timeout",
        Default = "5",
        PropsDefault = "5",
    });

    public static Setting SummaryAsWarning { get; } = Add(new("SummaryAsWarning", ReportSection, SettingKind.OptionalSwitch,
        "Log the one-line summary as warning QG5006, which the terminal logger shows, instead of a message it hides.")
    {
        CliNotApplicable = "the CLI prints the summary line on its output",
        TestingPlatformNotApplicable = "the summary line goes to the platform's output",
        MSBuildValue = "$(_QualityGatesSummaryAsWarning)",
        Default = "true exactly when the terminal logger is on",
        PropsDefault = string.Empty,
    });

    public static Setting CoverageReport { get; } = Add(new("CoverageReport", ReportSection, SettingKind.Switch(whenUnset: false),
        "Also write ReportGenerator's HTML coverage report to <report folder>/coverage/ (the project references ReportGenerator).")
    {
        CliNotApplicable = "run ReportGenerator on the Cobertura files yourself",
        TestingPlatformNotApplicable = NoMSBuildAfterPlatform,
        Default = "false",
        PropsDefault = "false",
    });

    // Solution
    public static Setting Scope { get; } = Add(new("Scope", SolutionSection,
        SettingKind.Choice(ErrorCodes.InvalidScope, "a scope",
            ("Project", "each test project judged alone"), ("Solution", "one verdict over the solution's test projects"), ("Both", "each project and the solution")),
        "Which verdicts dotnet test on a solution gives; Solution and Both need the solution's Directory.Solution.targets (docs/solution.md).")
    {
        CliNotApplicable = OnlyDotnetTest,
        Default = "Project",
        PropsDefault = "Project",
    });

    public static Setting SolutionReportDirectory { get; } = Add(new("SolutionReportDirectory", SolutionSection, SettingKind.Text("dir", "folder, relative to the solution folder"),
        "The solution verdict's report folder; its run/ subfolder is where the projects of a run hand in their results.")
    {
        CliNotApplicable = OnlyDotnetTest,
        TestingPlatformNotApplicable = "the build writes the solution's folder into the test application's settings file",
        InTestingPlatformFile = true,
        MSBuildValue = "$(_QualityGatesSolutionReportDirectory)",
        Default = ".quality-gates/ in the solution folder",
        PropsDefault = ".quality-gates/",
    });

    // Waivers (the warning levels and the longest waiver are thresholds, below)
    public static Setting WaiversFile { get; } = Add(new("WaiversFile", WarningSection, SettingKind.Text("file", "file"),
        "The waivers file.")
    {
        Cli = "--waivers",
        DocsPage = "waivers.md",
        Default = "qualitygates.waivers.json, searched from the project folder (CLI: the current folder) up to the repository root",
        PropsDefault = string.Empty,
    });

    // Build: read by the package's build files only.
    public static Setting VSTestIntegration { get; } = Add(new("VSTestIntegration", BuildSection,
        SettingKind.Choice(ErrorCodes.InvalidSetting, "a VSTest integration", ("Auto", null), ("Full", null), ("Fallback", null)),
        "How the package hooks into the SDK's VSTest target: Full where it knows the SDK's test targets (SDK 8.0.100 to 10.0.4xx), else Fallback with warning QG0008 (docs/msbuild.md).")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        Default = "Auto",
        PropsDefault = "Auto",
    });

    public static Setting AfterTargets { get; } = Add(new("AfterTargets", BuildSection, SettingKind.List("target", "targets"),
        "Extra targets after which QualityGatesEvaluate runs (e.g. a custom test target).")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        PropsDefault = string.Empty,
    });

    public static Setting DependsOn { get; } = Add(new("DependsOn", BuildSection, SettingKind.List("target", "targets"),
        "Targets to run before the gate evaluates (e.g. one that writes a security scan).")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        PropsDefault = string.Empty,
    });

    public static Setting TaskAssembly { get; } = Add(new("TaskAssembly", BuildSection, SettingKind.Text("dll", "file"),
        "The task assembly; tests point it at a fresh build.")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        Default = "the package's tasks/net8.0/QualityGates.MSBuild.dll under the .NET SDK's MSBuild and .NET Framework MSBuild 18 or later (a .NET task host); empty under older .NET Framework MSBuild",
    });

    public static Setting TestingPlatformAssembly { get; } = Add(new("TestingPlatformAssembly", BuildSection, SettingKind.Text("dll", "file"),
        "The Microsoft.Testing.Platform extension that test applications reference; tests point it at a fresh build.")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        Default = "the package's build of the extension for the platform version the application resolves (testing-platform/mtp1.9, mtp2.0 or mtp2.4; none before 1.9: warning QG5011)",
    });

    public static Setting TestingPlatformEngineDirectory { get; } = Add(new("TestingPlatformEngineDirectory", BuildSection, SettingKind.Text("dir", "folder"),
        "The engine and its runtime closure, copied to the test application's qualitygates/ folder, from where the extension loads them; tests point it at a fresh build.")
    {
        CliNotApplicable = ReadByBuildFilesCli,
        TestingPlatformNotApplicable = ReadByBuildFilesPlatform,
        BuildOnly = true,
        Default = "the package's tasks/net8.0/ (the task's own copy; the task dll is not copied)",
    });

    /// <summary>One setting per threshold of <see cref="ThresholdCatalog"/>, in its order.</summary>
    public static IReadOnlyList<Setting> Thresholds { get; } = ThresholdCatalog.All.Select(t => Add(ForThreshold(t))).ToList();

    /// <summary>The setting of the threshold the engine calls <paramref name="thresholdName"/> (<c>MinCodeCoverage</c>).</summary>
    public static Setting ForThresholdNamed(string thresholdName) =>
        Thresholds.First(s => string.Equals(s.Threshold!.Name, thresholdName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The setting <paramref name="name"/> names in <paramref name="adapter"/>'s vocabulary (case-insensitive), and whether it is a deprecated name; null when none does.</summary>
    public static (Setting Setting, SettingAlias? Alias)? Find(Adapter adapter, string name)
    {
        foreach (var setting in Entries)
        {
            if (string.Equals(setting.NameIn(adapter), name, StringComparison.OrdinalIgnoreCase)
                || adapter == Adapter.Cli && string.Equals(setting.CliShort, name, StringComparison.Ordinal))
            {
                return (setting, null);
            }

            if (setting.Aliases.FirstOrDefault(a => string.Equals(a.NameIn(adapter), name, StringComparison.OrdinalIgnoreCase)) is { } alias)
            {
                return (setting, alias);
            }
        }

        return null;
    }

    private static Setting ForThreshold(ThresholdDefinition threshold) =>
        new(threshold.SettingName, threshold.Name.StartsWith("Warn", StringComparison.Ordinal) || threshold.Name == "MaxWaiverDays" ? WarningSection : ThresholdSection,
            SettingKind.Threshold(threshold), char.ToUpperInvariant(threshold.Meaning[0]) + threshold.Meaning[1..] + ".")
        {
            Cli = "--" + Setting.KebabCase(threshold.SettingName),
            Threshold = threshold,
            Default = ThresholdDefault(threshold),
            PropsDefault = string.Empty,
            Aliases = threshold.DeprecatedName is { } old
                ? [new SettingAlias(Setting.PropertyPrefix + old, "--" + Setting.KebabCase(old), TestingPlatformPrefix(Setting.KebabCase(old)))
                    {
                        ToCurrent = threshold.SettingScale == 1 ? null : threshold.FromEngine,
                        Note = threshold.SettingScale == 100 ? "the old name takes percent (15 for 15 %), the new one a fraction (0.15)" : null,
                    }]
                : [],
        };

    /// <summary>The threshold's value in each context: one figure when they agree, "none" when it is unset.</summary>
    private static string ThresholdDefault(ThresholdDefinition threshold)
    {
        var property = typeof(GateThresholds).GetProperty(threshold.Name)!;
        var values = Enum.GetValues<DeploymentContext>()
            .Select(c => (Context: DeploymentContexts.NameOf(c), Value: property.GetValue(GateThresholds.For(c))))
            .ToList();
        string Format(object? value) => value switch
        {
            null => "none",
            double d when threshold.SettingScale != 1 => (d / threshold.SettingScale).ToString("0.00", CultureInfo.InvariantCulture),
            double d when threshold.Kind == ThresholdKind.Fraction => d.ToString("0.00", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString("0.##", CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };

        return values.Select(v => Format(v.Value)).Distinct().Count() == 1
            ? Format(values[0].Value)
            : string.Join(", ", values.Select(v => $"{v.Context} {Format(v.Value)}"));
    }

    private static string TestingPlatformPrefix(string rest) => Setting.TestingPlatformPrefix + rest;

    private static Setting Add(Setting setting)
    {
        Entries.Add(setting);
        return setting;
    }
}
