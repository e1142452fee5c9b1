using System.Text.Json;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>Writes the JSON report's <c>metrics</c> object: the figures the checks judged, section by section.</summary>
internal static class JsonMetricsWriter
{
    /// <summary>At most this many failed tests are listed; the rest are counted in <c>failedTestsOmitted</c>.</summary>
    public const int MaxFailedTests = 100;

    /// <summary>A failed test's message is cut to this many characters (a message can hold a whole log).</summary>
    public const int MaxFailedTestMessageLength = 2000;

    public static void Write(Utf8JsonWriter json, GateInputs inputs)
    {
        json.WriteStartObject("metrics");
        WriteTests(json, inputs.Tests);
        WriteCoverage(json, inputs.Coverage);
        WriteNewCode(json, inputs.NewCode);
        WriteRatchetBaseline(json, inputs);
        JsonReportValues.Number(json, "reportedLineRate", inputs.ReportedLineRate);
        WriteSecurity(json, inputs.Security);
        WriteModel(json, inputs.Model);
        JsonBenchmarks.Write(json, inputs.Benchmarks);
        json.WriteEndObject();
    }

    private static void WriteTests(Utf8JsonWriter json, TestRunSummary? tests)
    {
        if (tests is null)
        {
            json.WriteNull("tests");
            return;
        }

        json.WriteStartObject("tests");
        json.WriteNumber("total", tests.Total);
        json.WriteNumber("passed", tests.Passed);
        json.WriteNumber("failed", tests.Failed);
        json.WriteNumber("skipped", tests.Skipped);
        json.WriteNumber("executed", tests.Executed);
        JsonReportValues.Number(json, "passRate", tests.PassRate);
        json.WriteNumber("durationSeconds", tests.Duration.TotalSeconds);
        json.WriteBoolean("aborted", tests.Aborted);
        json.WriteStartArray("failedTests");
        foreach (var failed in tests.FailedTests.Take(MaxFailedTests))
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "name", failed.Name);
            JsonReportValues.Text(json, "message", ReportText.Truncate(failed.Message ?? string.Empty, MaxFailedTestMessageLength));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("failedTestsOmitted", Math.Max(0, tests.FailedTests.Count - MaxFailedTests));
        JsonReportValues.TextArray(json, "sourceFiles", tests.SourceFiles);
        json.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter json, CoverageSummary? coverage)
    {
        if (coverage is null)
        {
            json.WriteNull("coverage");
            return;
        }

        json.WriteStartObject("coverage");
        JsonReportValues.Number(json, "lineRate", coverage.LineRate);
        JsonReportValues.Number(json, "branchRate", coverage.BranchRate);
        json.WriteNumber("linesCovered", coverage.LinesCovered);
        json.WriteNumber("linesValid", coverage.LinesValid);
        json.WriteNumber("branchesCovered", coverage.BranchesCovered);
        json.WriteNumber("branchesValid", coverage.BranchesValid);
        json.WriteStartArray("packages");
        foreach (var package in coverage.Packages)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "name", package.Name);
            JsonReportValues.Number(json, "lineRate", package.LineRate);
            JsonReportValues.Number(json, "branchRate", package.BranchRate);
            json.WriteNumber("linesCovered", package.LinesCovered);
            json.WriteNumber("linesValid", package.LinesValid);
            json.WriteNumber("branchesCovered", package.BranchesCovered);
            json.WriteNumber("branchesValid", package.BranchesValid);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonReportValues.TextArray(json, "sourceFiles", coverage.SourceFiles);
        WriteExcluded(json, coverage.Excluded);
        json.WriteStartArray("uncoveredFiles");
        foreach (var file in coverage.UncoveredFiles)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "package", file.Package);
            JsonReportValues.Text(json, "path", file.Path);
            json.WriteNumber("linesCovered", file.LinesCovered);
            json.WriteNumber("linesValid", file.LinesValid);
            JsonReportValues.Text(json, "uncoveredLines", file.UncoveredLines);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>"newCode"</c> (only when new-code coverage ran): the base ref and merge base, the counts, and per
    /// changed file with coverable lines its uncovered lines as <c>[start, end]</c> ranges (1-based, inclusive), all of them;
    /// <c>"untestedFiles"</c>, the changed source files no coverage report names (QG2022), and their <c>"untestedLines"</c>;
    /// <c>"unreadableFiles"</c>, those of them whose new lines could not be read.
    /// </summary>
    private static void WriteNewCode(Utf8JsonWriter json, NewCodeCoverage? newCode)
    {
        if (newCode is null)
        {
            return;
        }

        json.WriteStartObject("newCode");
        JsonReportValues.Text(json, "baseRef", newCode.BaseRef);
        JsonReportValues.Text(json, "baseRefSource", newCode.BaseRefSource);
        JsonReportValues.Text(json, "mergeBase", newCode.MergeBase);
        JsonReportValues.Number(json, "lineRate", newCode.LineRate);
        json.WriteNumber("linesCovered", newCode.LinesCovered);
        json.WriteNumber("linesValid", newCode.LinesValid);
        json.WriteNumber("changedFiles", newCode.ChangedFiles);
        json.WriteNumber("changedLines", newCode.ChangedLines);
        json.WriteNumber("untestedLines", newCode.UntestedLines);
        JsonReportValues.TextArray(json, "untestedFiles", newCode.UntestedFiles);
        JsonReportValues.TextArray(json, "unreadableFiles", newCode.UnreadableFiles);
        json.WriteStartArray("files");
        foreach (var file in newCode.Files)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "path", file.Path);
            json.WriteNumber("linesCovered", file.LinesCovered);
            json.WriteNumber("linesValid", file.LinesValid);
            json.WriteStartArray("uncoveredLines");
            foreach (var range in file.Uncovered)
            {
                json.WriteStartArray();
                json.WriteNumberValue(range.Start);
                json.WriteNumberValue(range.End);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>"ratchetBaseline"</c> (only when the ratchet found one): where its figures came from, and the figures (fractions 0–1).</summary>
    private static void WriteRatchetBaseline(Utf8JsonWriter json, GateInputs inputs)
    {
        if (inputs.Baseline is not { } baseline)
        {
            return;
        }

        json.WriteStartObject("ratchetBaseline");
        JsonReportValues.Text(json, "source", baseline.Source);
        JsonReportValues.Number(json, "lineRate", baseline.LineRate);
        JsonReportValues.Number(json, "branchRate", baseline.BranchRate);
        JsonReportValues.Number(json, "passRate", baseline.PassRate);
        json.WriteEndObject();
    }

    /// <summary><c>"excluded"</c>: the filter's rules and what they left out; null when no filter was set.</summary>
    private static void WriteExcluded(Utf8JsonWriter json, CoverageExclusions? excluded)
    {
        if (excluded is null)
        {
            json.WriteNull("excluded");
            return;
        }

        json.WriteStartObject("excluded");
        JsonReportValues.TextArray(json, "rules", excluded.Rules);
        json.WriteStartArray("assemblies");
        foreach (var package in excluded.Assemblies)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "name", package.Name);
            json.WriteNumber("linesCovered", package.LinesCovered);
            json.WriteNumber("linesValid", package.LinesValid);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("files", excluded.Files);
        json.WriteNumber("fileLinesValid", excluded.FileLinesValid);
        json.WriteEndObject();
    }

    private static void WriteSecurity(Utf8JsonWriter json, SecuritySummary? security)
    {
        if (security is null)
        {
            json.WriteNull("security");
            return;
        }

        json.WriteStartObject("security");
        json.WriteNumber("critical", security.Critical);
        json.WriteNumber("high", security.High);
        json.WriteNumber("medium", security.Medium);
        json.WriteNumber("low", security.Low);
        json.WriteNumber("unknown", security.Unknown);
        json.WriteNumber("total", security.Total);
        JsonReportValues.TextArray(json, "tools", security.ScanTools);
        JsonReportValues.TextArray(json, "formats", security.Formats);
        JsonReportValues.Text(json, "scanTimestamp", security.ScanTimestamp);
        JsonReportValues.TextArray(json, "sourceFiles", security.SourceFiles);
        JsonWaivers.WriteListed(json, security);
        JsonWaivers.WriteFindings(json, security.Waived);
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelMetrics? model)
    {
        if (model is null)
        {
            json.WriteNull("model");
            return;
        }

        json.WriteStartObject("model");
        JsonReportValues.Number(json, "qualityScore", model.QualityScore);
        JsonReportValues.Number(json, "accuracy", model.Accuracy);
        JsonReportValues.Number(json, "f1Score", model.F1Score);
        JsonReportValues.Number(json, "perplexity", model.Perplexity);
        JsonReportValues.Number(json, "latencyMs", model.LatencyMs);
        JsonReportValues.Number(json, "throughputTokensPerSec", model.ThroughputTokensPerSec);
        JsonReportValues.Number(json, "memoryMb", model.MemoryMb);
        JsonReportValues.Number(json, "baselineQualityScore", model.BaselineQualityScore);
        JsonReportValues.Number(json, "baselineLatencyMs", model.BaselineLatencyMs);
        JsonReportValues.Number(json, "baselineMemoryMb", model.BaselineMemoryMb);
        JsonReportValues.Text(json, "sourceFile", model.SourceFile);
        json.WriteEndObject();
    }
}
