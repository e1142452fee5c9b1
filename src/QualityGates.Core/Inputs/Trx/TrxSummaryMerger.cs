using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Adds up the summaries of several TRX files (e.g. one per target framework) into one run.
/// Duration is the sum of the files' durations: test time spent, whether the legs ran one after
/// another or side by side, and never a gap between unrelated runs.
/// </summary>
internal static class TrxSummaryMerger
{
    public static TestRunSummary Merge(IReadOnlyList<TestRunSummary> files)
    {
        if (files.Count == 1)
        {
            return files[0];
        }

        var failedTests = new List<FailedTest>();
        var sourceFiles = new List<string>();
        var attachments = new List<string>();
        foreach (var file in files)
        {
            failedTests.AddRange(file.FailedTests);
            sourceFiles.AddRange(file.SourceFiles);
            attachments.AddRange(file.CoverageAttachments);
        }

        var firstAborted = files.FirstOrDefault(file => file.Aborted);
        return new TestRunSummary
        {
            Total = files.Sum(file => file.Total),
            Passed = files.Sum(file => file.Passed),
            Failed = files.Sum(file => file.Failed),
            Skipped = files.Sum(file => file.Skipped),
            Duration = files.Aggregate(TimeSpan.Zero, (sum, file) => sum + file.Duration),
            Aborted = firstAborted is not null,
            AbortReason = firstAborted?.AbortReason is { } reason ? $"{firstAborted.SourceFiles[0]}: {reason}" : null,
            FailedTests = failedTests,
            SourceFiles = sourceFiles,
            CoverageAttachments = attachments,
            Flaky = files.Sum(file => file.Flaky),
            FlakyTests = files.SelectMany(file => file.FlakyTests).Take(TrxReader.MaxFailedTestDetails).ToArray(),
        };
    }
}
