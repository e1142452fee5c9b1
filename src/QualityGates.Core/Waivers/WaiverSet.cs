using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Waivers;

/// <summary>
/// The waivers of one run and the day they are judged on. An active waiver of the run's context
/// turns a failed check into <see cref="GateStatus.Waived"/> (a gate waiver) or takes a security finding out
/// of the counts (an advisory waiver); an expired one waives nothing.
/// </summary>
/// <param name="Waivers">Every waiver of the file, in file order.</param>
/// <param name="Today">The day (UTC) waivers are judged on: the clock's, or the test clock's (QUALITYGATES_TODAY).</param>
internal sealed record WaiverSet(IReadOnlyList<Waiver> Waivers, DateOnly Today)
{
    /// <summary>The environment variable that sets "today" for waivers, yyyy-MM-dd: for tests and for reproducing a past run.</summary>
    public const string TodayVariable = "QUALITYGATES_TODAY";

    /// <summary>
    /// Today in UTC from <paramref name="time"/>, or the date in <see cref="TodayVariable"/> when set;
    /// <see cref="ErrorCodes.TestClockInvalid"/> when that is not a date.
    /// </summary>
    public static DateOnly TodayFrom(TimeProvider time, Func<string, string?> environment)
    {
        if (environment(TodayVariable) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today)
            ? today
            : throw new QualityGatesException(ErrorCodes.TestClockInvalid, $"{TodayVariable} is '{text}', which is not a date; write it yyyy-MM-dd, or unset it to use today's date.");
    }

    /// <summary>
    /// One <see cref="ErrorCodes.WaiverExpiryTooFar"/> per waiver of <paramref name="context"/> that runs longer
    /// than <paramref name="maxDays"/> from today. Counted in whole days between the two dates, which cannot
    /// overflow (adding the days to today can: <c>9999-12-31</c> plus one day is no date).
    /// </summary>
    public IEnumerable<GateDiagnostic> CheckExpiry(DeploymentContext context, int maxDays, string maxDaysSource)
    {
        foreach (var waiver in Waivers.Where(w => w.AppliesTo(context) && (long)w.Expires.DayNumber - Today.DayNumber > maxDays))
        {
            var where = waiver.Line > 0 ? $"'{waiver.File}' line {waiver.Line}" : $"'{waiver.File}'";
            yield return new GateDiagnostic(DiagnosticSeverity.Error, ErrorCodes.WaiverExpiryTooFar,
                $"{where}: the waiver of {waiver.Target} (owner {waiver.Owner}) expires {waiver.ExpiresText}, more than {maxDays.ToString(CultureInfo.InvariantCulture)} days after today ({Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), "
                + $"the longest the {DeploymentContexts.NameOf(context)} context allows ({maxDaysSource}); set an earlier date.",
                waiver.File, waiver.Line);
        }
    }

    /// <summary>The active waivers of <paramref name="context"/>.</summary>
    public IEnumerable<Waiver> Active(DeploymentContext context) => Waivers.Where(w => w.AppliesTo(context) && w.IsActiveOn(Today));

    /// <summary>Takes the findings an active advisory waiver covers out of <paramref name="security"/>'s counts and lists them in <see cref="SecuritySummary.Waived"/>.</summary>
    public SecuritySummary Apply(SecuritySummary security, DeploymentContext context)
    {
        var active = new AdvisoryWaivers(Active(context));
        var waived = security.Findings
            .Select(f => active.First(f) is { } waiver ? new WaivedFinding(f, waiver) : null)
            .OfType<WaivedFinding>()
            .ToList();
        if (waived.Count == 0)
        {
            return security;
        }

        int Less(string severity) => waived.Count(w => w.Finding.Severity == severity);
        var taken = waived.Select(w => w.Finding).ToHashSet(ReferenceEqualityComparer.Instance);
        return security with
        {
            Critical = security.Critical - Less("critical"),
            High = security.High - Less("high"),
            Medium = security.Medium - Less("medium"),
            Low = security.Low - Less("low"),
            Unknown = security.Unknown - Less("unknown"),
            Findings = security.Findings.Where(f => !taken.Contains(f)).ToList(),
            Listed = security.Listed.Where(f => !waived.Any(w => w.Finding.IsSameAs(f))).ToList(),
            Waived = waived,
        };
    }

    /// <summary>
    /// <paramref name="result"/> as the waivers leave it: a failed check with an active gate waiver is
    /// <see cref="GateStatus.Waived"/>; a passed security check that failed before its waived findings were
    /// taken out is Waived too, naming their waivers. A failed check whose waiver has expired says so.
    /// </summary>
    public GateCheckResult Judge(GateCheckResult result, DeploymentContext context, SecuritySummary? security, BenchmarkComparison? benchmarks = null)
    {
        var mine = Waivers.Where(w => w.AppliesTo(context)).ToList();
        if (result.Failed)
        {
            if (mine.FirstOrDefault(w => w.Gate == result.Gate && w.IsActiveOn(Today)) is { } waiver)
            {
                return Waived(result, [waiver]);
            }

            var expired = mine.Where(w => !w.IsActiveOn(Today)).ToList();
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
    public IReadOnlyList<WaiverOutcome> Outcomes(DeploymentContext context, IReadOnlyList<GateCheckResult> checks, SecuritySummary? security, BenchmarkComparison? benchmarks = null)
    {
        var used = checks.SelectMany(c => c.Waivers).Concat(security?.Waived.Select(w => w.Waiver) ?? [])
            .Concat(benchmarks?.Benchmarks.SelectMany(b => new[] { b.TimeWaiver, b.AllocatedWaiver }).OfType<Waiver>() ?? [])
            .ToHashSet();
        return Waivers.Where(w => w.AppliesTo(context))
            .Select(w => new WaiverOutcome(w, !w.IsActiveOn(Today) ? WaiverState.Expired : used.Contains(w) ? WaiverState.Applied : WaiverState.Unused))
            .ToList();
    }

    private static GateCheckResult Waived(GateCheckResult result, IReadOnlyList<Waiver> waivers) => result with
    {
        Status = GateStatus.Waived,
        Code = ErrorCodes.CheckWaived,
        Waivers = waivers,
        Message = result.Message + " — " + Listed(waivers.Select(w => w.Describe()), "; ", "waivers"),
    };

    /// <summary>
    /// Advisory waivers by every id they name (ignoring case), so matching findings to waivers costs a look-up
    /// per finding id, not a pass over every waiver: findings and waivers both come by the thousand.
    /// </summary>
    private sealed class AdvisoryWaivers
    {
        private readonly Dictionary<string, List<(int Order, Waiver Waiver)>> _byId = new(StringComparer.OrdinalIgnoreCase);

        public AdvisoryWaivers(IEnumerable<Waiver> waivers)
        {
            var order = 0;
            foreach (var waiver in waivers)
            {
                if (waiver.Advisory is { } id)
                {
                    if (!_byId.TryGetValue(id, out var list))
                    {
                        _byId[id] = list = [];
                    }

                    list.Add((order, waiver));
                }

                order++;
            }
        }

        /// <summary>The first waiver (in file order) that covers <paramref name="finding"/>, or null.</summary>
        public Waiver? First(SecurityFinding finding) =>
            Candidates(finding).Where(c => c.Waiver.Covers(finding)).OrderBy(c => c.Order).Select(c => c.Waiver).FirstOrDefault();

        /// <summary>Every waiver that covers one of <paramref name="findings"/>.</summary>
        public HashSet<Waiver> Covering(IEnumerable<SecurityFinding> findings) =>
            findings.SelectMany(f => Candidates(f).Where(c => c.Waiver.Covers(f)).Select(c => c.Waiver)).ToHashSet();

        private IEnumerable<(int Order, Waiver Waiver)> Candidates(SecurityFinding finding) =>
            finding.Aliases.Prepend(finding.Advisory).SelectMany(id => _byId.GetValueOrDefault(id) ?? []);
    }
}
