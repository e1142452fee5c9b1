using System.Text.Json.Serialization;
using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Inputs;

namespace QualityGates.Reports;

/// <summary>
/// The JSON report (<see cref="JsonReportWriter"/>) as typed records over the run's report: each property is
/// one member of the file, in the file's order, named in camelCase. Every section is always present (null
/// when its input was not given) unless marked as left out. Readers ignore members they do not know, so a
/// member is added in schema 1 by adding a property here.
/// </summary>
internal sealed class JsonReport(QualityGateReport report, CiBuildInfo? ci)
{
    public int SchemaVersion => JsonReportWriter.SchemaVersion;
    public string? ModelName => report.Model?.Name;
    public string? ModelVersion => report.Model?.Version;
    public string Context => report.ContextName;
    public string Timestamp => ProductJson.Timestamp(report.Timestamp);
    public bool Strict => report.Strict;
    public bool AllPassed => report.AllPassed;
    public JsonCheckCounts Summary => new(report.Checks);
    public IEnumerable<JsonCheck> Checks => report.Checks.Select(c => new JsonCheck(c));
    public JsonThresholds Thresholds => new(report.Thresholds);
    public JsonMetrics Metrics => new(report.Inputs);

    /// <summary>Each file read, in reading order.</summary>
    public IEnumerable<JsonInputFileRead> Inputs => report.Inputs.Files.Select(f => new JsonInputFileRead(f));

    /// <summary>Only in a solution report: each test project's own figures (a part is null when the project had no such input).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<JsonProject>? Projects => report.Projects.Count == 0 ? null : report.Projects.Select(p => new JsonProject(p));

    /// <summary>Per kind read from several files, see <see cref="InputMerge"/>.</summary>
    public IEnumerable<JsonMerge> Merged => InputMerge.Of(report.Inputs.Files).Select(m => new JsonMerge(m));

    /// <summary>Each warning's message (<see cref="QualityGateReport.AllWarnings"/>); <see cref="WarningDetails"/> has their codes.</summary>
    public IEnumerable<string> Warnings => report.AllWarnings.Select(w => w.Message);

    /// <summary>The same warnings with code, file and line (the registry commands' <c>warnings</c> shape).</summary>
    public IEnumerable<JsonWarning> WarningDetails => report.AllWarnings.Select(w => new JsonWarning(w));

    /// <summary>Every waiver of the context with its state.</summary>
    public IEnumerable<JsonWaiver> Waivers => report.Waivers.Select(o => JsonWaiver.Of(o.Waiver, o.State));

    public JsonCi? Ci => ci is null ? null : new(ci);
}

/// <summary>One coded warning of the run; <c>file</c> and <c>line</c> are null when not known.</summary>
internal sealed class JsonWarning(Errors.GateDiagnostic warning)
{
    public string Code => warning.Code;
    public string? File => warning.File;
    public int? Line => warning.Line > 0 ? warning.Line : null;
    public string Message => warning.Message;
}

/// <summary>Counts of checks by status (the report's and the webhook's <c>summary</c>).</summary>
internal sealed class JsonCheckCounts(IReadOnlyList<GateCheckResult> checks)
{
    public int Total => checks.Count;
    public int Passed => checks.Count(c => c.Status == GateStatus.Passed);
    public int Failed => checks.Count(c => c.Status == GateStatus.Failed);
    public int Skipped => checks.Count(c => c.Status == GateStatus.Skipped);
    public int Warning => checks.Count(c => c.Status == GateStatus.Warning);
    public int Waived => checks.Count(c => c.Status == GateStatus.Waived);
}

internal sealed class JsonCheck(GateCheckResult check)
{
    public string Gate => check.Gate;
    public string Status => JsonReportWriter.StatusName(check.Status);
    public double? Value => check.Value;
    public double? Threshold => check.Threshold;
    public string Message => check.Message;

    /// <summary>Only for a failed, warning or waived check.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code => check.Status is GateStatus.Failed or GateStatus.Warning or GateStatus.Waived ? check.Code : null;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WarningLevel => check.WarningLevel;

    /// <summary>Only for a waived check: the waivers that let it through.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<JsonWaiver>? Waivers => check.Waivers.Count == 0 ? null : check.Waivers.Select(w => JsonWaiver.Of(w));
}

internal sealed class JsonThresholds(GateThresholds thresholds)
{
    public double MinTestPassRate => thresholds.MinTestPassRate;
    public double MinCodeCoverage => thresholds.MinCodeCoverage;
    public double? MinBranchCoverage => thresholds.MinBranchCoverage;
    public double MinQualityScore => thresholds.MinQualityScore;
    public double MaxRegression => thresholds.MaxRegression;
    public double MaxLatencyIncrease => thresholds.MaxLatencyIncrease;
    public double MaxMemoryIncreasePercent => thresholds.MaxMemoryIncreasePercent;
    public double MinThroughputTokensPerSec => thresholds.MinThroughputTokensPerSec;
    public int MaxCriticalVulnerabilities => thresholds.MaxCriticalVulnerabilities;
    public int MaxHighVulnerabilities => thresholds.MaxHighVulnerabilities;
    public int MaxMediumVulnerabilities => thresholds.MaxMediumVulnerabilities;
}

/// <summary>One file read; <c>sameAs</c> only for a copy of an earlier file.</summary>
internal sealed class JsonInputFileRead(InputFileRead file)
{
    public string Path => file.Path;
    public string Kind => file.Kind;
    public string Contribution => file.Contribution;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SameAs => file.SameAs;
}

internal sealed class JsonMerge(InputMerge merge)
{
    public string Kind => merge.Kind;
    public int Files => merge.Files;
    public int Copies => merge.Copies;
    public IEnumerable<JsonFolder> Folders => merge.Folders.Select(f => new JsonFolder(f));
}

internal sealed class JsonFolder(FolderFiles folder)
{
    public string Folder => folder.Folder;
    public int Files => folder.Files;
}

/// <summary>One test project of a solution report; rates are fractions 0–1.</summary>
internal sealed class JsonProject(SolutionProject project)
{
    public string Name => project.Name;
    public JsonProjectTests? Tests => project.Tests is { } tests ? new(tests) : null;
    public JsonProjectCoverage? Coverage => project.Coverage is { } coverage ? new(coverage) : null;
}

internal sealed class JsonProjectTests(TestCounts tests)
{
    public int Total => tests.Total;
    public int Passed => tests.Passed;
    public int Failed => tests.Failed;
    public int Skipped => tests.Skipped;
    public double? PassRate => tests.PassRate;
}

internal sealed class JsonProjectCoverage(CoverageCounts coverage)
{
    public long LinesCovered => coverage.LinesCovered;
    public long LinesValid => coverage.LinesValid;
    public double? LineRate => coverage.LineRate;
    public long BranchesCovered => coverage.BranchesCovered;
    public long BranchesValid => coverage.BranchesValid;
    public double? BranchRate => coverage.BranchRate;
}

/// <summary>The CI build the report was made on (the report's and the webhook's <c>ci</c>).</summary>
internal sealed class JsonCi(CiBuildInfo ci)
{
    public string? Provider => ci.Provider;
    public string? BuildNumber => ci.BuildNumber;
    public string? BuildUrl => ci.BuildUrl;
    public string? Commit => ci.Commit;
}
