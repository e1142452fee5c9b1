using System.Text.Json.Serialization;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>The JSON report's <c>metrics</c> object: the figures the checks judged, section by section (rates are fractions 0–1).</summary>
internal sealed class JsonMetrics(GateInputs inputs)
{
    public JsonTests? Tests => inputs.Tests is { } tests ? new(tests) : null;
    public JsonCoverage? Coverage => inputs.Coverage is { } coverage ? new(coverage) : null;

    /// <summary>Only when new-code coverage ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNewCode? NewCode => inputs.NewCode is { } newCode ? new(newCode) : null;

    /// <summary>Only when the ratchet found a baseline: where its figures came from, and the figures.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonRatchetBaseline? RatchetBaseline => inputs.Baseline is { } baseline ? new(baseline) : null;

    public double? ReportedLineRate => inputs.ReportedLineRate;
    public JsonSecurity? Security => inputs.Security is { } security ? new(security) : null;
    public JsonModel? Model => inputs.Model is { } model ? new(model) : null;

    /// <summary>Only when benchmark files were named (<see cref="JsonBenchmarks"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonBenchmarks? Benchmarks => inputs.Benchmarks is { } benchmarks ? new(benchmarks) : null;
}

internal sealed class JsonTests(TestRunSummary tests)
{
    /// <summary>At most this many failed tests are listed; the rest are counted in <c>failedTestsOmitted</c>.</summary>
    public const int MaxFailedTests = 100;

    /// <summary>A failed test's message is cut to this many characters (a message can hold a whole log).</summary>
    public const int MaxFailedTestMessageLength = 2000;

    public int Total => tests.Total;
    public int Passed => tests.Passed;
    public int Failed => tests.Failed;
    public int Skipped => tests.Skipped;
    public int Executed => tests.Executed;
    public double? PassRate => tests.PassRate;
    public double DurationSeconds => tests.Duration.TotalSeconds;
    public bool Aborted => tests.Aborted;
    public IEnumerable<JsonFailedTest> FailedTests => tests.FailedTests.Take(MaxFailedTests).Select(f => new JsonFailedTest(f));
    public int FailedTestsOmitted => Math.Max(0, tests.FailedTests.Count - MaxFailedTests);

    /// <summary>Tests that failed, then passed on a retry; the first <see cref="MaxFailedTests"/> are named with their attempts.</summary>
    public int Flaky => tests.Flaky;
    public IEnumerable<JsonFlakyTest> FlakyTests => tests.FlakyTests.Take(MaxFailedTests).Select(f => new JsonFlakyTest(f.Name, f.Attempts));
    public IReadOnlyList<string> SourceFiles => tests.SourceFiles;
}

internal sealed record JsonFlakyTest(string Name, int Attempts);

internal sealed class JsonFailedTest(FailedTest test)
{
    public string Name => test.Name;
    public string Message => ReportText.Truncate(test.Message ?? string.Empty, JsonTests.MaxFailedTestMessageLength);
}

internal sealed class JsonCoverage(CoverageSummary coverage)
{
    public double? LineRate => coverage.LineRate;
    public double? BranchRate => coverage.BranchRate;
    public long LinesCovered => coverage.LinesCovered;
    public long LinesValid => coverage.LinesValid;
    public long BranchesCovered => coverage.BranchesCovered;
    public long BranchesValid => coverage.BranchesValid;
    public IEnumerable<JsonPackage> Packages => coverage.Packages.Select(p => new JsonPackage(p));
    public IReadOnlyList<string> SourceFiles => coverage.SourceFiles;

    /// <summary>The filter's rules and what they left out; null when no filter was set.</summary>
    public JsonExcluded? Excluded => coverage.Excluded is { } excluded ? new(excluded) : null;

    public IEnumerable<JsonUncoveredFile> UncoveredFiles => coverage.UncoveredFiles.Select(f => new JsonUncoveredFile(f));
}

internal sealed class JsonPackage(PackageCoverage package)
{
    public string Name => package.Name;
    public double? LineRate => package.LineRate;
    public double? BranchRate => package.BranchRate;
    public long LinesCovered => package.LinesCovered;
    public long LinesValid => package.LinesValid;
    public long BranchesCovered => package.BranchesCovered;
    public long BranchesValid => package.BranchesValid;
}

internal sealed class JsonExcluded(CoverageExclusions excluded)
{
    public IReadOnlyList<string> Rules => excluded.Rules;
    public IEnumerable<JsonExcludedAssembly> Assemblies => excluded.Assemblies.Select(a => new JsonExcludedAssembly(a));
    public int Files => excluded.Files;
    public long FileLinesValid => excluded.FileLinesValid;
}

internal sealed class JsonExcludedAssembly(PackageCoverage assembly)
{
    public string Name => assembly.Name;
    public long LinesCovered => assembly.LinesCovered;
    public long LinesValid => assembly.LinesValid;
}

internal sealed class JsonUncoveredFile(UncoveredFile file)
{
    public string Package => file.Package;
    public string Path => file.Path;
    public long LinesCovered => file.LinesCovered;
    public long LinesValid => file.LinesValid;
    public string UncoveredLines => file.UncoveredLines;
}

/// <summary>
/// The change's coverage: the base ref and merge base, the counts, and per changed file with coverable lines
/// its uncovered lines as <c>[start, end]</c> ranges (1-based, inclusive), all of them; <c>untestedFiles</c>,
/// the changed source files no coverage report names (QG2022), and their <c>untestedLines</c>; <c>unreadableFiles</c>,
/// those of them whose new lines could not be read.
/// </summary>
internal sealed class JsonNewCode(NewCodeCoverage newCode)
{
    public string BaseRef => newCode.BaseRef;
    public string BaseRefSource => newCode.BaseRefSource;
    public string MergeBase => newCode.MergeBase;
    public double? LineRate => newCode.LineRate;
    public long LinesCovered => newCode.LinesCovered;
    public long LinesValid => newCode.LinesValid;
    public int ChangedFiles => newCode.ChangedFiles;
    public long ChangedLines => newCode.ChangedLines;
    public long UntestedLines => newCode.UntestedLines;
    public IReadOnlyList<string> UntestedFiles => newCode.UntestedFiles;
    public IReadOnlyList<string> UnreadableFiles => newCode.UnreadableFiles;
    public IEnumerable<JsonNewCodeFile> Files => newCode.Files.Select(f => new JsonNewCodeFile(f));
}

internal sealed class JsonNewCodeFile(NewCodeFile file)
{
    public string Path => file.Path;
    public long LinesCovered => file.LinesCovered;
    public long LinesValid => file.LinesValid;
    public IEnumerable<int[]> UncoveredLines => file.Uncovered.Select(r => new[] { r.Start, r.End });
}

internal sealed class JsonRatchetBaseline(RatchetBaseline baseline)
{
    public string Source => baseline.Source;
    public double? LineRate => baseline.LineRate;
    public double? BranchRate => baseline.BranchRate;
    public double? PassRate => baseline.PassRate;
}

internal sealed class JsonSecurity(SecuritySummary security)
{
    public int Critical => security.Critical;
    public int High => security.High;
    public int Medium => security.Medium;
    public int Low => security.Low;
    public int Unknown => security.Unknown;
    public int Total => security.Total;
    public IReadOnlyList<string> Tools => security.ScanTools;
    public IReadOnlyList<string> Formats => security.Formats;
    public string? ScanTimestamp => security.ScanTimestamp;
    public IReadOnlyList<string> SourceFiles => security.SourceFiles;
    public int FindingsListedPerSeverity => SecuritySummary.ListedPerSeverity;

    /// <summary>The counted findings reports name (<see cref="SecuritySummary.Listed"/>).</summary>
    public IEnumerable<JsonListedFinding> Findings => security.Listed.Select(f => new JsonListedFinding(f));

    /// <summary>The findings a waiver took out of the counts.</summary>
    public IEnumerable<JsonWaivedFinding> Waived => security.Waived.Select(w => new JsonWaivedFinding(w));
}

/// <summary>What identifies a security finding in the report: <c>{ "advisory", "aliases", "package", "version", "severity", … }</c>.</summary>
internal abstract class JsonFinding(SecurityFinding finding)
{
    [JsonPropertyOrder(-1)]
    public string Advisory => finding.Advisory;

    [JsonPropertyOrder(-1)]
    public IReadOnlyList<string> Aliases => finding.Aliases;

    [JsonPropertyOrder(-1)]
    public string? Package => finding.Package;

    [JsonPropertyOrder(-1)]
    public string? Version => finding.Version;

    [JsonPropertyOrder(-1)]
    public string Severity => finding.Severity;

    protected SecurityFinding Finding => finding;
}

/// <summary>A counted finding the report names, with where it was found.</summary>
internal sealed class JsonListedFinding(SecurityFinding finding) : JsonFinding(finding)
{
    public string Kind => Finding.Kind;
    public string? FixedVersion => Finding.FixedVersion;
    public string? ScanFile => Finding.ScanFile;
    public string? Tool => Finding.Tool;
    public string? Location => Finding.Location;
    public string? Message => Finding.Message;
}

/// <summary>A finding taken out of the counts, with the waiver that took it.</summary>
internal sealed class JsonWaivedFinding(WaivedFinding waived) : JsonFinding(waived.Finding)
{
    public JsonWaiver Waiver => JsonWaiver.Of(waived.Waiver);
}

internal sealed class JsonModel(ModelMetrics model)
{
    public double? QualityScore => model.QualityScore;
    public double? Accuracy => model.Accuracy;
    public double? F1Score => model.F1Score;
    public double? Perplexity => model.Perplexity;
    public double? LatencyMs => model.LatencyMs;
    public double? ThroughputTokensPerSec => model.ThroughputTokensPerSec;
    public double? MemoryMb => model.MemoryMb;
    public double? BaselineQualityScore => model.BaselineQualityScore;
    public double? BaselineLatencyMs => model.BaselineLatencyMs;
    public double? BaselineMemoryMb => model.BaselineMemoryMb;
    public string? SourceFile => model.SourceFile;
}
