using QualityGates.Metrics;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// The attempts of a run retried by Microsoft.Testing.Platform's retry extension (<c>--retry-failed-tests</c>,
/// microsoft/testfx Microsoft.Testing.Extensions.Retry): each attempt is a test host process of its own that
/// writes its own TRX (under <c>&lt;results&gt;/Retries/&lt;id&gt;/&lt;n&gt;/</c>, the last one also copied to
/// <c>&lt;results&gt;/</c>) and re-runs only the tests that failed in the attempt before it. Since testfx 3.10 /
/// platform 1.8 (https://github.com/microsoft/testfx/issues/5945) the orchestrator gives every attempt one <c>TestRun id</c> (TESTINGPLATFORM_TRX_TESTRUN_ID),
/// so files of Microsoft.Testing.Platform's TRX writer that share an id but not their bytes are attempts of one run,
/// in the order of their <c>Times/@start</c> — when each later file holds only tests (by <c>testId</c>, the test
/// node uid the orchestrator retries) that failed in the file before it. A file that breaks that pattern is not
/// an attempt, and the files count apart as before (QG0021).
/// The run then counts each test once, by its last attempt, as the orchestrator and the process exit code do;
/// a test that failed and then passed is flaky.
/// </summary>
internal static class TrxRetriedRuns
{
    /// <summary>Finds the retried runs among <paramref name="runs"/> (their scans beside them) and merges each into the row of its first attempt.</summary>
    public static void Merge(TrxFileRun[] runs, TrxScan[] scans)
    {
        var groups = Enumerable.Range(0, runs.Length)
            .Where(i => runs[i].SameRunAs is null && runs[i].Summary.RunId is not null && scans[i].Producer == TrxProducer.TestingPlatform)
            .GroupBy(i => runs[i].Summary.RunId!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var order = group.OrderBy(i => scans[i].Start ?? DateTimeOffset.MaxValue).ThenBy(i => i).ToList();
            var attempts = order.Select(i => Rows(runs[i].Path)).ToList();
            if (!AreRetries(attempts))
            {
                continue;
            }

            var first = order[0];
            var merged = Merged(order.Select(i => runs[i].Summary).ToList(), attempts);
            runs[first] = runs[first] with { Summary = merged, RunIdSharedWith = null, Attempts = order.Count };
            for (var k = 1; k < order.Count; k++)
            {
                runs[order[k]] = runs[order[k]] with { RunIdSharedWith = null, RetryOf = runs[first].Path, Attempts = k + 1 };
            }
        }
    }

    private static List<TrxResultRow> Rows(string path)
    {
        var rows = new List<TrxResultRow>();
        TrxFileScanner.ScanFile(path, failedTestBudget: 0, rows);
        return rows;
    }

    /// <summary>True when every test of each later attempt failed in the attempt before it.</summary>
    private static bool AreRetries(List<List<TrxResultRow>> attempts)
    {
        for (var k = 1; k < attempts.Count; k++)
        {
            var failedBefore = attempts[k - 1].Where(r => r.Kind == TrxOutcomeKind.Failed && r.TestId is not null)
                .Select(r => r.TestId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (attempts[k].Any(r => r.TestId is null || !failedBefore.Contains(r.TestId)))
            {
                return false;
            }
        }

        return true;
    }

    private static TestRunSummary Merged(List<TestRunSummary> summaries, List<List<TrxResultRow>> attempts)
    {
        // Each test (test id) as its last attempt shows it: all its rows there (a folded data-driven test has several).
        // A test that appears in a later attempt failed in the one before it (AreRetries).
        var last = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var appearances = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var firstSeen = new List<string>();
        for (var k = 0; k < attempts.Count; k++)
        {
            foreach (var id in attempts[k].Select(r => r.TestId!).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!appearances.TryAdd(id, 1))
                {
                    appearances[id]++;
                }
                else
                {
                    firstSeen.Add(id);
                }

                last[id] = k;
            }
        }

        var finals = attempts.Select((rows, k) => rows.Where(r => last[r.TestId!] == k).ToList()).ToList();
        var rows = finals.SelectMany(r => r).ToList();
        var flaky = firstSeen.Where(id => appearances[id] > 1)
            .Select(id => (Id: id, Attempt: last[id], Rows: finals[last[id]].Where(r => string.Equals(r.TestId, id, StringComparison.OrdinalIgnoreCase)).ToList()))
            .Where(t => t.Rows.All(r => r.Kind == TrxOutcomeKind.Passed))
            .ToList();
        var aborted = summaries.FirstOrDefault(s => s.Aborted);
        var passed = rows.Count(r => r.Kind == TrxOutcomeKind.Passed);
        var failed = rows.Count(r => r.Kind == TrxOutcomeKind.Failed);
        return new TestRunSummary
        {
            RunId = summaries[0].RunId,
            Total = rows.Count,
            Passed = passed,
            Failed = failed,
            Skipped = rows.Count - passed - failed,
            Duration = summaries.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration),
            Aborted = aborted is not null,
            AbortReason = aborted?.AbortReason,
            // A failed test's details come from the attempt that decided it.
            FailedTests = summaries.SelectMany((s, k) => s.FailedTests.Where(t =>
                finals[k].Any(r => r.Kind == TrxOutcomeKind.Failed && string.Equals(BoundedXmlText.Truncate(r.TestName ?? r.TestId!, TrxReader.MaxMessageLength), t.Name, StringComparison.Ordinal)))).ToArray(),
            SourceFiles = summaries.SelectMany(s => s.SourceFiles).ToArray(),
            CoverageAttachments = summaries.SelectMany(s => s.CoverageAttachments).ToArray(),
            Flaky = flaky.Count + summaries.Sum(s => s.Flaky),
            FlakyTests = flaky.Select(t => new FlakyTest(t.Rows[0].TestName ?? t.Id, appearances[t.Id], summaries[t.Attempt].SourceFiles[0]))
                .Concat(summaries.SelectMany(s => s.FlakyTests)).Take(TrxReader.MaxFailedTestDetails).ToArray(),
        };
    }
}
