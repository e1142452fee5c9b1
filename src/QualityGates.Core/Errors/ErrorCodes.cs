namespace QualityGates.Errors;

/// <summary>
/// The one catalog of stable <c>QG</c> codes. Codes are never renumbered or reused; every code is
/// listed in docs/errors.md with what to do about it (a test holds the two equal).
/// Areas: 0xxx configuration, 1xxx input files, 2xxx gate failures, 3xxx registry, 4xxx CLI,
/// 5xxx reports and integrations.
/// </summary>
internal static class ErrorCodes
{
    // 0xxx configuration
    /// <summary>The deployment context is not development, staging or production.</summary>
    public const string UnknownContext = "QG0001";
    /// <summary>A threshold value is not a number (or not a whole number where a count is expected).</summary>
    public const string ThresholdNotANumber = "QG0002";
    /// <summary>A threshold value is outside its allowed range.</summary>
    public const string ThresholdOutOfRange = "QG0003";
    /// <summary>A threshold name is not known.</summary>
    public const string UnknownThreshold = "QG0004";
    /// <summary>The model is not given as <c>name:version</c>, or the name or version is not allowed.</summary>
    public const string InvalidModelIdentity = "QG0005";
    /// <summary>A switch property is not <c>true</c> or <c>false</c>.</summary>
    public const string InvalidBoolean = "QG0006";
    /// <summary>The MSBuild running the task is not supported (e.g. .NET Framework MSBuild).</summary>
    public const string UnsupportedMSBuild = "QG0007";
    /// <summary>
    /// Warning: the SDK's test targets (Microsoft.TestPlatform.targets) are not a version the package
    /// has verified; its fallback VSTest integration, which copies nothing from the SDK, is used.
    /// </summary>
    public const string UnverifiedSdkFallback = "QG0008";
    /// <summary>A setting other than a threshold has a value that is not allowed.</summary>
    public const string InvalidSetting = "QG0009";
    /// <summary>
    /// The gate was asked for but cannot run where it was called: QualityGatesEvaluate in a project that
    /// is not a VSTest test project (an xunit.v3 or other Microsoft.Testing.Platform project), or the
    /// test-platform extension without the settings file the build writes.
    /// </summary>
    public const string GateCannotRun = "QG0010";
    // QG0011-QG0013: new-code coverage and the ratchet.
    /// <summary>A new-code or ratchet setting has a value that is not allowed (the diff mode, the tolerance).</summary>
    public const string InvalidNewCodeSetting = "QG0011";
    /// <summary>The ratchet should take its baseline from the registry, but the run names no model to look it up by.</summary>
    public const string RatchetNeedsModel = "QG0012";
    // QG0014-QG0017: the warning tier and waivers.
    /// <summary>A warning level is on the failing side of its threshold (below a minimum, above a maximum).</summary>
    public const string WarningLevelOnWrongSide = "QG0014";
    /// <summary>A waiver expires later than the context's longest allowed waiver (QualityGatesMaxWaiverDays) from today.</summary>
    public const string WaiverExpiryTooFar = "QG0015";
    /// <summary>The waivers file setting names no regular file (QualityGatesWaiversFile, --waivers).</summary>
    public const string WaiversFileNotFound = "QG0016";
    /// <summary>The test clock (QUALITYGATES_TODAY) is not a date written yyyy-MM-dd.</summary>
    public const string TestClockInvalid = "QG0017";
    // QG0030-QG0049: the settings catalogue.
    /// <summary>Warning: a setting was given under its old name, which still works (e.g. QualityGatesMinCodeCoverage for QualityGatesMinLineCoverage).</summary>
    public const string DeprecatedSetting = "QG0030";
    /// <summary>A setting was given under its old and its new name, with different values.</summary>
    public const string DeprecatedSettingConflict = "QG0031";
    /// <summary>The test application's settings file (written by the build) is damaged: a key unknown, repeated or missing, a line without '=', or the file too large.</summary>
    public const string SettingsFileInvalid = "QG0032";
    // QG0060-QG0064: packaging and SDK support.
    /// <summary>
    /// Warning: the SDK's test targets are unknown and lack the _VSTestConsole target the fallback calls;
    /// the gate only runs after the SDK's own VSTest, so a failed test fails the build without a gate.
    /// </summary>
    public const string UnknownSdkTestTargets = "QG0060";
    // QG0021-QG0022: merging results of many runs (CI shards).
    /// <summary>Warning: two TRX files name the same test run (<c>TestRun id</c>) but their contents differ; nothing proves they are one run, so both count.</summary>
    public const string TestRunIdSharedByDifferentFiles = "QG0021";

    // Solution scope: QG0018-QG0020, QG1023-QG1025, QG2024
    /// <summary>QualityGatesScope is not Project, Solution or Both.</summary>
    public const string InvalidScope = "QG0018";
    /// <summary>
    /// A project asked for the solution gate (QualityGatesScope Solution or Both) but this run has no
    /// solution run manifest listing it (not run through the solution, or the solution's
    /// Directory.Solution.targets is missing); the project is judged alone (warning).
    /// </summary>
    public const string NotInSolutionRun = "QG0019";
    /// <summary>The solution run manifest or a project's hand-in in the solution's run folder cannot be read or written, or its lock stayed held too long.</summary>
    public const string SolutionRunFileInvalid = "QG1023";
    // Solution runs of one solution at a time, and runs that end without a verdict: QG0090-QG0091, QG1070-QG1071.
    /// <summary>Another dotnet test of the same solution still runs its solution run after this one waited; this run does not start.</summary>
    public const string SolutionRunBusy = "QG0090";
    /// <summary>Warning: the previous solution run never ended (its process is gone); it has no verdict.</summary>
    public const string SolutionRunInterrupted = "QG0091";
    /// <summary>The solution report folder (or its run folder) is a file, FIFO or device, not a folder.</summary>
    public const string SolutionReportFolderNotAFolder = "QG1070";
    /// <summary>The solution's verdict cannot be made: test projects of the run handed in no results.</summary>
    public const string SolutionRunIncomplete = "QG1071";

    // 1xxx input files
    /// <summary>An input file does not exist.</summary>
    public const string InputFileNotFound = "QG1001";
    /// <summary>An input file is empty.</summary>
    public const string InputFileEmpty = "QG1002";
    /// <summary>An XML input file is malformed or truncated.</summary>
    public const string MalformedXml = "QG1003";
    /// <summary>A JSON input file is malformed or truncated.</summary>
    public const string MalformedJson = "QG1004";
    /// <summary>An XML input file declares a DTD with entities, or references an external entity; it is never resolved.</summary>
    public const string XmlDtdNotAllowed = "QG1005";
    /// <summary>An input file is not of the kind expected (e.g. a Cobertura file given as TRX, an unknown scan format).</summary>
    public const string WrongFileKind = "QG1006";
    /// <summary>A JSON field has the wrong type (e.g. a string where a number belongs).</summary>
    public const string WrongJsonFieldType = "QG1007";
    /// <summary>A value in an input file is out of range (e.g. a negative count, a rate above 1).</summary>
    public const string InputValueOutOfRange = "QG1008";
    /// <summary>An input file cannot be read (permissions, I/O error).</summary>
    public const string InputFileUnreadable = "QG1009";
    /// <summary>A file pattern matched no file.</summary>
    public const string PatternMatchedNoFile = "QG1010";
    /// <summary>A TRX file's per-test results disagree with its own ResultSummary counters.</summary>
    public const string TrxCountersDisagree = "QG1011";
    /// <summary>A required field is missing from an input file.</summary>
    public const string MissingJsonField = "QG1012";
    /// <summary>A scan file says the scan itself failed (e.g. an error in <c>dotnet list package</c>'s <c>problems</c>), so its counts cannot be trusted.</summary>
    public const string ScanReportedError = "QG1013";
    /// <summary>A JSON input file names the same key twice in one object, so which value counts would be a guess.</summary>
    public const string DuplicateJsonKey = "QG1014";
    /// <summary>An input file is not a regular file (a folder, FIFO, socket or device); it is never opened, so the tool never blocks on it.</summary>
    public const string InputNotARegularFile = "QG1015";
    /// <summary>A file pattern's folder walk hit a symbolic-link loop or its bound on folders or depth.</summary>
    public const string PatternWalkTooLarge = "QG1016";
    // QG1017-QG1019: the git diff behind new-code coverage.
    /// <summary>No merge base between HEAD and the base ref: the clone is shallow or the histories are unrelated; the message says what to fetch.</summary>
    public const string MergeBaseNotFound = "QG1017";
    /// <summary>git cannot be run, the folder is not in a git work tree, or a git command failed.</summary>
    public const string GitUnavailable = "QG1018";
    /// <summary>The base ref (given, from the CI server, or the default branch) does not exist in this clone; the message says what to fetch.</summary>
    public const string BaseRefNotFound = "QG1019";
    // QG1020-QG1022: the waivers file; each error names the file and line.
    /// <summary>A waiver lacks a required field (owner, reason, expires, and exactly one of advisory or gate), or a field is empty or of the wrong type.</summary>
    public const string WaiverFieldInvalid = "QG1020";
    /// <summary>A waiver's expires is not a date written yyyy-MM-dd.</summary>
    public const string WaiverDateInvalid = "QG1021";
    /// <summary>A waiver names a gate or context that does not exist, or a field the waivers file does not have.</summary>
    public const string WaiverNameUnknown = "QG1022";
    // QG1080-QG1082: BenchmarkDotNet exports (the Benchmarks group); each names the file and line.
    /// <summary>A BenchmarkDotNet export is from a failed run: a benchmark without workload measurements, or no benchmark at all.</summary>
    public const string BenchmarkRunFailed = "QG1080";
    /// <summary>One benchmark (full name with parameters) appears twice in one run, so which to compare with its baseline would be a guess.</summary>
    public const string BenchmarkNameDuplicated = "QG1081";
    /// <summary>Warning: two BenchmarkDotNet runs compared (or merged) ran on different machines or runtimes; the differing fields are named.</summary>
    public const string BenchmarkHostsDiffer = "QG1082";

    // 2xxx gate failures (one per gate; the gate names are in GateNames)
    public const string TestPassRateBelowMinimum = "QG2001";
    public const string LineCoverageBelowMinimum = "QG2002";
    public const string BranchCoverageBelowMinimum = "QG2003";
    public const string QualityScoreBelowMinimum = "QG2004";
    public const string RegressionAboveMaximum = "QG2005";
    public const string LatencyIncreaseAboveMaximum = "QG2006";
    public const string MemoryIncreaseAboveMaximum = "QG2007";
    public const string ThroughputBelowMinimum = "QG2008";
    public const string CriticalVulnerabilitiesAboveMaximum = "QG2009";
    public const string HighVulnerabilitiesAboveMaximum = "QG2010";
    public const string MediumVulnerabilitiesAboveMaximum = "QG2011";
    /// <summary>A test failed and the build is set to fail on any failed test.</summary>
    public const string TestFailedWithFailOnAnyTestFailure = "QG2012";
    /// <summary>Failed tests were let through by the context's minimum pass rate; a warning that names how many, the verdict stands.</summary>
    public const string TestFailuresTolerated = "QG2013";
    // QG2014-QG2017: new-code coverage and the ratchet.
    public const string NewCodeCoverageBelowMinimum = "QG2014";
    public const string RatchetLineCoverageDropped = "QG2015";
    public const string RatchetBranchCoverageDropped = "QG2016";
    public const string RatchetTestPassRateDropped = "QG2017";
    // QG2018-QG2021: the warning tier and waivers; warnings, the verdict stands.
    /// <summary>A figure passed its threshold but lies beyond its warning level; the check passes with this warning.</summary>
    public const string FigureInWarningBand = "QG2018";
    /// <summary>A waiver has expired, so it waives nothing; the warning names its owner.</summary>
    public const string WaiverExpired = "QG2019";
    /// <summary>An active waiver for this context matched no failed check and no finding: a dead entry to remove.</summary>
    public const string WaiverUnused = "QG2020";
    /// <summary>A failed check or a security finding was let through by an active waiver (owner, reason and expiry named).</summary>
    public const string CheckWaived = "QG2021";
    // QG2022-QG2023: new code no coverage report names (changed source files of a project no test run measured).
    /// <summary>Warning: changed source files, outside test projects, that no coverage report names; new-code coverage counts only the files a report names.</summary>
    public const string ChangedFilesNotInCoverage = "QG2022";
    /// <summary>coverage.new_code failed: the run requires inputs (strict mode, production by default) and changed source files appear in no coverage report while too few reported lines are left to judge.</summary>
    public const string NewCodeNotInCoverage = "QG2023";
    // QG2025-QG2026: per-assembly coverage minimum (QualityGatesCoverageStat=Minimum).
    /// <summary>An assembly's line coverage is below the minimum (gate <c>coverage.line[&lt;assembly&gt;]</c>).</summary>
    public const string AssemblyLineCoverageBelowMinimum = "QG2025";
    /// <summary>An assembly's branch coverage is below the branch minimum (gate <c>coverage.branch[&lt;assembly&gt;]</c>).</summary>
    public const string AssemblyBranchCoverageBelowMinimum = "QG2026";
    // QG2030: retried tests.
    /// <summary><c>tests.flaky</c> failed: more tests failed and then passed on a retry than the maximum (only checked when one is set).</summary>
    public const string FlakyTestsAboveMaximum = "QG2030";
    // QG2050-QG2052: benchmark regressions against a baseline (gates benchmarks.time and benchmarks.allocated).
    /// <summary>benchmarks.time failed: benchmarks are slower than the baseline beyond the maximum latency increase, and the Mann-Whitney U test finds it significant.</summary>
    public const string BenchmarkTimeRegressed = "QG2050";
    /// <summary>benchmarks.allocated failed: benchmarks allocate more bytes per operation than the baseline, beyond the maximum memory increase.</summary>
    public const string BenchmarkAllocationIncreased = "QG2051";
    /// <summary>Warning: benchmarks only in this run (new) or only in the baseline (removed); they were not compared.</summary>
    public const string BenchmarksUnpaired = "QG2052";

    // 3xxx registry and deployment control
    /// <summary>A line of a registry file is torn or corrupt; it is skipped (warning) and the records around it are kept.</summary>
    public const string RegistryLineCorrupt = "QG3001";
    /// <summary>An approval from a gate report was refused because the report did not pass, or judged no check at all.</summary>
    public const string ReportDidNotPass = "QG3002";
    /// <summary>An approval from a gate report was refused because the report is for another model, version or context, or names no model.</summary>
    public const string ReportDoesNotMatch = "QG3003";
    /// <summary>A model name cannot be a registry file name (a device name such as <c>CON</c>, a character Windows forbids, a trailing dot or space).</summary>
    public const string RegistryNameNotAllowed = "QG3004";
    /// <summary>A registry value (who, reason, target) is missing, too long, or holds control characters.</summary>
    public const string RegistryValueNotAllowed = "QG3005";
    /// <summary>A deployment was refused: the version may not be deployed to that context (the reason says why).</summary>
    public const string DeploymentNotAllowed = "QG3006";
    /// <summary>A rollback names a version that was never deployed to that context (and target).</summary>
    public const string NothingToRollBack = "QG3007";
    /// <summary>The registry folder or one of its files cannot be created, read or written.</summary>
    public const string RegistryUnavailable = "QG3008";
    /// <summary>A registry file is a symbolic link, FIFO, folder or device rather than a regular file in the registry folder; it is never followed or opened.</summary>
    public const string RegistryFileNotRegular = "QG3009";
    // QG3020-QG3029: the PostgreSQL registry store.
    /// <summary>The registry database cannot be reached or used: the server is down, the connection timed out, the database is missing or the user lacks a permission (the host is named).</summary>
    public const string RegistryDatabaseUnavailable = "QG3020";
    /// <summary>The registry database refused the login: a wrong or missing password (the host and user are named).</summary>
    public const string RegistryDatabaseLoginRefused = "QG3021";
    /// <summary>The registry database has a newer schema than this version of QualityGates knows.</summary>
    public const string RegistrySchemaTooNew = "QG3022";
    /// <summary>The registry connection string is not valid, or holds a password (which must come from the environment).</summary>
    public const string RegistryConnectionStringInvalid = "QG3023";
    // QG3030-QG3049: the registry's promises (overrides of blocked runs, copies, database locks and parameters).
    /// <summary>A hand approval was refused: the version's latest gate run in that context was blocked; approving it needs an explicit override with a reason.</summary>
    public const string ApprovalOverBlockedRun = "QG3030";
    /// <summary>An override was asked for, but the version's latest gate run in that context is not blocked (or the approval is from a newer passing report): there is nothing to override.</summary>
    public const string NothingToOverride = "QG3031";
    /// <summary>The registry database waited longer than its lock timeout for a lock another session holds (the session is named when the server shows it).</summary>
    public const string RegistryDatabaseLocked = "QG3032";
    /// <summary>The registry connection string asks for a libpq parameter or value the PostgreSQL client cannot honour; it is refused rather than ignored.</summary>
    public const string RegistryConnectionParameterUnsupported = "QG3033";
    /// <summary><c>registry copy</c> could not copy a record or a model: the destination refused it (the record and the reason are named); the copy went on with the rest.</summary>
    public const string RegistryRecordNotCopied = "QG3034";

    // 4xxx CLI
    /// <summary>The command line is not valid (unknown option, missing value).</summary>
    public const string InvalidCommandLine = "QG4001";
    /// <summary>An unexpected failure inside the tool (a bug): reported as one line, exit 2, never as a failed gate.</summary>
    public const string UnexpectedError = "QG4002";
    /// <summary><c>qualitygates check</c> was given nothing to judge: no input file for any selected check group.</summary>
    public const string NothingToJudge = "QG4003";

    // 5xxx reports and integrations
    /// <summary>A report file cannot be written.</summary>
    public const string ReportNotWritten = "QG5001";
    /// <summary>The webhook was not delivered (timeout, refused, non-2xx answer); a warning, the verdict stands.</summary>
    public const string WebhookNotDelivered = "QG5002";
    /// <summary>A CI server's summary, outputs or annotations file could not be written; a warning, the verdict stands.</summary>
    public const string CiOutputNotWritten = "QG5003";
    /// <summary>A GatePassed, GateFailed or GatesBlocked handler threw; a warning, the verdict and the other handlers stand.</summary>
    public const string EventHandlerFailed = "QG5004";
    /// <summary>A report file to be replaced or appended to is a symbolic link, FIFO, folder or device, or lies outside the report folder; nothing is written through it.</summary>
    public const string ReportFileNotRegular = "QG5005";
    /// <summary>
    /// The run's summary line, logged as a warning where the terminal logger would hide a message
    /// (it shows only warnings and errors at normal verbosity); informational, the verdict stands.
    /// </summary>
    public const string SummaryLine = "QG5006";
    /// <summary>
    /// A Microsoft.Testing.Platform coverage producer published coverage figures but named no Cobertura
    /// report, which the gate reads for its per-line detail and filters; a warning, coverage is judged without it.
    /// </summary>
    public const string CoverageReportNotCobertura = "QG5010";
    /// <summary>
    /// The build found no Microsoft.Testing.Platform package (or one older than 1.9) in a test application,
    /// so the test-platform extension was not registered; a warning, the tests run ungated.
    /// </summary>
    public const string TestingPlatformNotSupported = "QG5011";
}
