using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;

namespace QualityGates.Waivers;

/// <summary>
/// The waivers of one run and the day they are judged on (issue 13). An active waiver of the run's context
/// turns a failed check into <see cref="GateStatus.Waived"/> (a gate waiver) or takes a security finding out
/// of the counts (an advisory waiver); an expired one waives nothing.
/// </summary>
/// <param name="Waivers">Every waiver of the file, in file order.</param>
/// <param name="Today">The day (UTC) waivers are judged on: the clock's, or the test clock's (QUALITYGATES_TODAY).</param>
public sealed record WaiverSet(IReadOnlyList<Waiver> Waivers, DateOnly Today)
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

    /// <summary>One <see cref="ErrorCodes.WaiverExpiryTooFar"/> per waiver of <paramref name="context"/> that runs longer than <paramref name="maxDays"/> from today.</summary>
    public IEnumerable<QualityGatesException> CheckExpiry(DeploymentContext context, int maxDays, string maxDaysSource)
    {
        var latest = Today.AddDays(maxDays);
        foreach (var waiver in Waivers.Where(w => w.AppliesTo(context) && w.Expires > latest))
        {
            var where = waiver.Line > 0 ? $"'{waiver.File}' line {waiver.Line}" : $"'{waiver.File}'";
            yield return new QualityGatesException(ErrorCodes.WaiverExpiryTooFar,
                $"{where}: the waiver of {waiver.Target} (owner {waiver.Owner}) expires {waiver.ExpiresText}, more than {maxDays} days after today ({Today:yyyy-MM-dd}), "
                + $"the longest the {DeploymentContexts.NameOf(context)} context allows ({maxDaysSource}); set an earlier date.",
                waiver.File, waiver.Line);
        }
    }

    /// <summary>The active waivers of <paramref name="context"/>.</summary>
    public IEnumerable<Waiver> Active(DeploymentContext context) => Waivers.Where(w => w.AppliesTo(context) && w.IsActiveOn(Today));

    /// <summary>Takes the findings an active advisory waiver covers out of <paramref name="security"/>'s counts and lists them in <see cref="SecuritySummary.Waived"/>.</summary>
    public SecuritySummary Apply(SecuritySummary security, DeploymentContext context)
    {
        var active = Active(context).Where(w => w.Advisory is not null).ToList();
        var waived = security.Findings
            .Select(f => active.FirstOrDefault(w => w.Covers(f)) is { } waiver ? new WaivedFinding(f, waiver) : null)
            .OfType<WaivedFinding>()
            .ToList();
        if (waived.Count == 0)
        {
            return security;
        }

        int Less(string severity) => waived.Count(w => w.Finding.Severity == severity);
        return security with
        {
            Critical = security.Critical - Less("critical"),
            High = security.High - Less("high"),
            Medium = security.Medium - Less("medium"),
            Low = security.Low - Less("low"),
            Unknown = security.Unknown - Less("unknown"),
            Findings = security.Findings.Where(f => !waived.Any(w => ReferenceEquals(w.Finding, f))).ToList(),
            Listed = security.Listed.Where(f => !waived.Any(w => w.Finding.IsSameAs(f))).ToList(),
            Waived = waived,
        };
    }

    /// <summary>
    /// <paramref name="result"/> as the waivers leave it: a failed check with an active gate waiver is
    /// <see cref="GateStatus.Waived"/>; a passed security check that failed before its waived findings were
    /// taken out is Waived too, naming their waivers. A failed check whose waiver has expired says so.
    /// </summary>
    public GateCheckResult Judge(GateCheckResult result, DeploymentContext context, SecuritySummary? security)
    {
        var mine = Waivers.Where(w => w.AppliesTo(context)).ToList();
        if (result.Failed)
        {
            if (mine.FirstOrDefault(w => w.Gate == result.Gate && w.IsActiveOn(Today)) is { } waiver)
            {
                return Waived(result, [waiver]);
            }

            var expired = mine.Where(w => !w.IsActiveOn(Today) && (w.Gate == result.Gate || (security is not null && GateNames.SeverityOf(result.Gate) is { } severity
                && security.Findings.Any(f => f.Severity == severity && w.Covers(f))))).ToList();
            return expired.Count == 0 ? result : result with
            {
                Message = result.Message + "; " + string.Join("; ", expired.Select(w => $"the waiver of {w.Target} by {w.Owner} expired on {w.ExpiresText}")),
            };
        }

        if (result.Passed && security is not null && GateNames.SeverityOf(result.Gate) is { } gated && result.Value is double count && result.Threshold is double maximum)
        {
            var waived = security.Waived.Where(w => w.Finding.Severity == gated).ToList();
            if (waived.Count > 0 && count + waived.Count > maximum)
            {
                return Waived(result with { Message = $"{result.Message}; {waived.Count} more waived: {string.Join(", ", waived.Select(w => w.Finding.ToString()))}" },
                    waived.Select(w => w.Waiver).Distinct().ToList());
            }
        }

        return result;
    }

    /// <summary>What became of each waiver of <paramref name="context"/> in a run that judged <paramref name="checks"/>.</summary>
    public IReadOnlyList<WaiverOutcome> Outcomes(DeploymentContext context, IReadOnlyList<GateCheckResult> checks, SecuritySummary? security)
    {
        var used = checks.SelectMany(c => c.Waivers).Concat(security?.Waived.Select(w => w.Waiver) ?? []).ToHashSet();
        return Waivers.Where(w => w.AppliesTo(context))
            .Select(w => new WaiverOutcome(w, !w.IsActiveOn(Today) ? WaiverState.Expired : used.Contains(w) ? WaiverState.Applied : WaiverState.Unused))
            .ToList();
    }

    private static GateCheckResult Waived(GateCheckResult result, IReadOnlyList<Waiver> waivers) => result with
    {
        Status = GateStatus.Waived,
        Code = ErrorCodes.CheckWaived,
        Waivers = waivers,
        Message = result.Message + " — " + string.Join("; ", waivers.Select(w => w.Describe())),
    };
}
