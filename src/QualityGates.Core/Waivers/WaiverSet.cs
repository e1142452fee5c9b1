using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Waivers;

/// <summary>
/// The waivers of one run and the day they are judged on. An active waiver of the run's context
/// turns a failed check into a waived one (a gate waiver, judged by <see cref="Gates.WaiverJudge"/>) or takes a security finding out
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
}
