using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;
using QualityGates.Waivers;

namespace QualityGates.Gates;

/// <summary>What a run's waivers (<see cref="WaiverSet"/>) make of its checks, and what became of each waiver.</summary>
internal static class WaiverJudge
{
    /// <summary>
    /// <paramref name="result"/> as the waivers leave it: a failed check with an active gate waiver is
    /// <see cref="GateStatus.Waived"/>; a passed security check that failed before its waived findings were
    /// taken out is Waived too, naming their waivers. A failed check whose waiver has expired says so.
    /// </summary>
    public static GateCheckResult Judge(WaiverSet waivers, GateCheckResult result, DeploymentContext context, SecuritySummary? security, BenchmarkComparison? benchmarks = null)
    {
        var mine = waivers.Waivers.Where(w => w.AppliesTo(context)).ToList();
        if (result.Failed)
        {
            if (mine.FirstOrDefault(w => w.Gate == result.Gate && w.IsActiveOn(waivers.Today)) is { } waiver)
            {
                return Waived(result, [waiver]);
            }

            var expired = mine.Where(w => !w.IsActiveOn(waivers.Today)).ToList();
            var covering = security is not null && GateNames.SeverityOf(result.Gate) is { } severity
                ? new AdvisoryWaivers(expired).Covering(security.Findings.Where(f => f.Severity == severity))
                : [];
            // A benchmark's own waiver (benchmarks.time[name]) that expired while that benchmark regresses.
            var regressed = GateNames.IsBenchmarkGate(result.Gate) && benchmarks is not null
                ? benchmarks.Benchmarks.Where(b => (result.Gate == GateNames.BenchmarkTime ? b.Time : b.Allocated) == BenchmarkOutcome.Regressed)
                    .Select(b => GateNames.ForBenchmark(result.Gate, b.FullName)).ToHashSet(StringComparer.Ordinal)
                : [];
            var named = expired.Where(w => w.Gate == result.Gate || covering.Contains(w) || (w.Gate is not null && regressed.Contains(w.Gate))).ToList();
            return named.Count == 0 ? result : result with
            {
                Message = result.Message + "; " + Listed(named.Select(w => $"the waiver of {w.Target} by {w.Owner} expired on {w.ExpiresText}"), "; ", "expired waivers"),
            };
        }

        if (result.Passed && security is not null && GateNames.SeverityOf(result.Gate) is { } gated && result.Value is double count && result.Threshold is double maximum)
        {
            var waived = security.Waived.Where(w => w.Finding.Severity == gated).ToList();
            if (waived.Count > 0 && count + waived.Count > maximum)
            {
                return Waived(result with { Message = $"{result.Message}; {waived.Count} more waived: {Listed(waived.Select(w => w.Finding.ToString()), ", ", "findings")}" },
                    waived.Select(w => w.Waiver).Distinct().ToList());
            }
        }

        return result;
    }

    /// <summary>The items joined, at most <see cref="MaxListed"/> of them, then "and N more …".</summary>
    private static string Listed(IEnumerable<string> items, string separator, string noun)
    {
        var all = items.ToList();
        var shown = string.Join(separator, all.Take(MaxListed));
        return all.Count <= MaxListed ? shown : string.Create(CultureInfo.InvariantCulture, $"{shown}{separator}and {all.Count - MaxListed} more {noun}");
    }

    /// <summary>Findings or waivers one message names at most; the reports list them all.</summary>
    private const int MaxListed = 20;

    /// <summary>What became of each waiver of <paramref name="context"/> in a run that judged <paramref name="checks"/>.</summary>
    public static IReadOnlyList<WaiverOutcome> Outcomes(WaiverSet waivers, DeploymentContext context, IReadOnlyList<GateCheckResult> checks, SecuritySummary? security, BenchmarkComparison? benchmarks = null)
    {
        var used = checks.SelectMany(c => c.Waivers).Concat(security?.Waived.Select(w => w.Waiver) ?? [])
            .Concat(benchmarks?.Benchmarks.SelectMany(b => new[] { b.TimeWaiver, b.AllocatedWaiver }).OfType<Waiver>() ?? [])
            .ToHashSet();
        return waivers.Waivers.Where(w => w.AppliesTo(context))
            .Select(w => new WaiverOutcome(w, !w.IsActiveOn(waivers.Today) ? WaiverState.Expired : used.Contains(w) ? WaiverState.Applied : WaiverState.Unused))
            .ToList();
    }

    private static GateCheckResult Waived(GateCheckResult result, IReadOnlyList<Waiver> waivers) => result with
    {
        Status = GateStatus.Waived,
        Code = ErrorCodes.CheckWaived,
        Waivers = waivers,
        Message = result.Message + " — " + Listed(waivers.Select(w => w.Describe()), "; ", "waivers"),
    };
}
