using QualityGates.Errors;
using QualityGates.Gates.Benchmarks;
using QualityGates.Gates.Checks;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Running;

/// <summary>The run's warnings about the benchmarks it compared.</summary>
internal static class BenchmarkWarnings
{
    /// <summary>The warnings about a paired comparison: QG1082 when the hosts differ, QG2052 naming the benchmarks in one run only.</summary>
    public static IEnumerable<GateDiagnostic> For(BenchmarkComparison comparison)
    {
        if (comparison.Baseline is not { } baseline)
        {
            yield break;
        }

        if (comparison.HostDifferences.Count > 0 && comparison.Current.Host is { } host && baseline.Host is { } before)
        {
            yield return BenchmarkHosts.Warning(host, $"the benchmarks ran on another machine or runtime than the baseline", before, comparison.HostDifferences);
        }

        var (added, removed) = (comparison.New, comparison.Removed);
        if (added.Count + removed.Count > 0)
        {
            string Names(IReadOnlyList<string> names) => string.Join(", ", names.Take(Gates.Checks.BenchmarkCheck.MaxNamed).Select(Gates.Benchmarks.BenchmarkText.Name))
                + (names.Count > Gates.Checks.BenchmarkCheck.MaxNamed ? $" and {names.Count - Gates.Checks.BenchmarkCheck.MaxNamed} more" : string.Empty);
            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add($"new, only in this run ({added.Count}): {Names(added)}");
            }

            if (removed.Count > 0)
            {
                parts.Add($"removed, only in the baseline ({removed.Count}): {Names(removed)}");
            }

            yield return GateDiagnostic.Warning(ErrorCodes.BenchmarksUnpaired,
                ConsoleText.Neutralise($"Benchmarks not compared, since they ran in one of the two runs only — {string.Join("; ", parts)}. The baseline is {baseline.Source}; a renamed benchmark or changed parameters count as one removed and one new."));
        }
    }
}
