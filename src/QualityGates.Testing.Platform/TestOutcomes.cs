using System.Diagnostics;
using Microsoft.Testing.Platform.Extensions.Messages;
using QualityGates.Metrics;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Counts this session's test results from the platform's <see cref="TestNodeUpdateMessage"/>s, the way
/// the platform counts them for its own exit code (Microsoft.Testing.Platform's TestApplicationResult):
/// passed; failed, error, timeout and cancelled are failed; skipped is skipped; in-progress and
/// discovered updates are not results. A node reported more than once (a retried test) counts once,
/// with its last result, and is flaky when an earlier result failed and the last one passed.
/// Thread-safe: the platform may deliver updates concurrently.
/// </summary>
internal sealed class TestOutcomes
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (TestNodeStateProperty State, string Name)> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failedAttempts = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Records one update; updates that carry no result are ignored.</summary>
    public void Record(TestNode node)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        if (state is null or InProgressTestNodeStateProperty or DiscoveredTestNodeStateProperty)
        {
            return;
        }

        lock (_gate)
        {
            if (_results.TryGetValue(node.Uid.Value, out var earlier) && IsFailure(earlier.State))
            {
                _failedAttempts[node.Uid.Value] = _failedAttempts.GetValueOrDefault(node.Uid.Value) + 1;
            }

            _results[node.Uid.Value] = (state, node.DisplayName);
        }
    }

    /// <summary>The session so far as the engine's summary; <paramref name="source"/> names the test application.</summary>
    public TestRunSummary Summarize(string source, bool aborted)
    {
        List<(TestNodeStateProperty State, string Name)> results;
        List<FlakyTest> flaky;
        lock (_gate)
        {
            results = _results.Values.ToList();
            flaky = _failedAttempts.Where(f => _results[f.Key].State is PassedTestNodeStateProperty)
                .Select(f => new FlakyTest(_results[f.Key].Name, f.Value + 1)).ToList();
        }

        var failed = results.Where(r => IsFailure(r.State)).ToList();
        var passed = results.Count(r => r.State is PassedTestNodeStateProperty);
        var skipped = results.Count(r => r.State is SkippedTestNodeStateProperty);
        return new TestRunSummary
        {
            Total = results.Count,
            Passed = passed,
            Failed = failed.Count,
            Skipped = skipped,
            Duration = _clock.Elapsed,
            Aborted = aborted,
            AbortReason = aborted ? "The test session was cancelled." : null,
            FailedTests = failed.Select(r => new FailedTest(r.Name, MessageOf(r.State))).ToList(),
            SourceFiles = [source],
            Flaky = flaky.Count,
            FlakyTests = flaky,
        };
    }

#pragma warning disable CS0618, MTP0001 // CancelledTestNodeStateProperty is obsolete in later platforms, but older frameworks still send it.
    private static bool IsFailure(TestNodeStateProperty state) =>
        state is FailedTestNodeStateProperty or ErrorTestNodeStateProperty or TimeoutTestNodeStateProperty or CancelledTestNodeStateProperty;
#pragma warning restore CS0618, MTP0001

    private static string MessageOf(TestNodeStateProperty state) => state switch
    {
        FailedTestNodeStateProperty { Exception: { } exception } => exception.Message,
        ErrorTestNodeStateProperty { Exception: { } exception } => exception.Message,
        TimeoutTestNodeStateProperty { Exception: { } exception } => exception.Message,
        _ => state.Explanation ?? state.GetType().Name.Replace("TestNodeStateProperty", string.Empty, StringComparison.Ordinal),
    };
}
