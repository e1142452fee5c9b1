namespace QualityGates.Errors;

/// <summary>
/// The one catalog of stable <c>QG</c> codes. Codes are never renumbered or reused; every code is
/// listed in the README with what to do about it.
/// Areas: 0xxx configuration, 1xxx input files, 2xxx gate failures, 3xxx registry, 4xxx CLI,
/// 5xxx reports and integrations.
/// </summary>
public static class ErrorCodes
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
    /// <summary>The SDK's test targets are not a version the package has verified; the safe fallback is used (warning).</summary>
    public const string UnverifiedSdkFallback = "QG0008";
    /// <summary>A setting other than a threshold has a value that is not allowed.</summary>
    public const string InvalidSetting = "QG0009";

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

    // 3xxx registry — reserved for the approval registry.
    // 4xxx CLI
    /// <summary>The command line is not valid (unknown option, missing value).</summary>
    public const string InvalidCommandLine = "QG4001";

    // 5xxx reports and integrations
    /// <summary>A report file cannot be written.</summary>
    public const string ReportNotWritten = "QG5001";
}
