using System.Globalization;
using System.Text;
using QualityGates.Configuration;
using QualityGates.Gates;

namespace QualityGates.Reports;

/// <summary>
/// The one line a gate run leaves in any console: verdict, context, each judged figure against its
/// threshold, failed tests the pass-rate minimum tolerated, skipped checks and why, how many files were
/// merged from how many folders (when a kind of input came from several) and the report folder, e.g. <c>QualityGates: PASSED (staging) · tests 20/21 (95.2% ≥ 95.0%, 1 failed test tolerated)
/// · line coverage 62.9% ≥ 60.0% · reports: .quality-gates/</c>. Adapters print it; the terminal
/// logger's rules decide how (a message or a coded warning, see docs).
/// </summary>
internal static class SummaryLine
{
    /// <summary>The line's fixed start, so logs can be searched for it.</summary>
    public const string Prefix = "QualityGates: ";

    /// <summary>The summary line of <paramref name="report"/>.</summary>
    /// <param name="report">The judged run.</param>
    /// <param name="reportFolder">The report folder as the user should read it (relative when possible), or null when none was written.</param>
    public static string Render(QualityGateReport report, string? reportFolder)
    {
        var line = new StringBuilder(Prefix, 256)
            .Append(report.AllPassed ? "PASSED" : "FAILED")
            .Append(" (").Append(report.ContextName).Append(report.Strict && report.Context != Configuration.DeploymentContext.Production ? ", strict" : string.Empty).Append(')');
        if (report.Model is { } model)
        {
            line.Append(' ').Append(model.Name).Append(model.Version.Length == 0 ? string.Empty : " " + model.Version);
        }

        if (report.Projects.Count > 0)
        {
            line.Append(" · ").Append(SolutionProjectText.Count(report.Projects.Count));
        }

        var judged = report.Checks.Where(c => !c.Skipped).ToList();
        if (judged.Count == 0)
        {
            line.Append(" · no check was judged");
        }

        // Passed per-assembly checks (QualityGatesCoverageStat=Minimum) are one figure; a failed one stands alone.
        foreach (var check in judged.Where(c => !(c.Passed && GateNames.IsPerAssembly(c.Gate))))
        {
            line.Append(" · ").Append(Figure(report, check));
        }

        foreach (var passed in judged.Where(c => c.Passed && GateNames.IsPerAssembly(c.Gate)).GroupBy(c => GateNames.BaseOf(c.Gate)))
        {
            line.Append(" · ").Append(Label(passed.Key)).Append(" of ")
                .Append(passed.Count() == 1 ? "1 assembly" : passed.Count().ToString(CultureInfo.InvariantCulture) + " assemblies")
                .Append(" ≥ ").Append(GateDescriptions.FormatValue(passed.Key, passed.First().Threshold));
        }

        var skipped = report.Checks.Where(c => c.Skipped).ToList();
        if (skipped.Count > 0)
        {
            line.Append(" · skipped: ").AppendJoin(", ", skipped.Select(c => $"{Label(c.Gate)} ({Reason(c.Message)})"));
        }

        var merges = Inputs.InputMerge.Of(report.Inputs.Files);
        if (merges.Count > 0)
        {
            var folders = merges.SelectMany(m => m.Folders).Select(f => f.Folder).Distinct(StringComparer.Ordinal).Count();
            line.Append(" · merged ")
                .AppendJoin(" + ", merges.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Files} {m.Kind}{(m.Copies == 0 ? string.Empty : m.Copies == 1 ? " (1 copy)" : $" ({m.Copies} copies)")}")))
                .Append(string.Create(CultureInfo.InvariantCulture, $" files from {folders} folder{(folders == 1 ? string.Empty : "s")}"));
        }

        if (reportFolder is not null)
        {
            line.Append(" · reports: ").Append(reportFolder);
        }

        return ConsoleLine(line.ToString());
    }

    /// <summary>
    /// The number of failed tests a passing pass-rate check let through (0 when none): the figure the
    /// tolerated-failures warning (<see cref="Errors.ErrorCodes.TestFailuresTolerated"/>) reports. None are
    /// tolerated when <c>tests.any_failure</c> runs: there every failed test blocks.
    /// </summary>
    public static int ToleratedFailures(QualityGateReport report) =>
        report.Inputs.Tests is { Failed: > 0 } tests && report.Checks.Any(c => c.Gate == GateNames.TestPassRate && c.Passed)
            && !report.Checks.Any(c => c.Gate == GateNames.AnyTestFailure)
            ? tests.Failed
            : 0;

    /// <summary>The text of the tolerated-failures warning, or null when no failed test was tolerated.</summary>
    public static string? ToleratedFailuresMessage(QualityGateReport report, Configuration.Settings.SettingNames names)
    {
        var tolerated = ToleratedFailures(report);
        if (tolerated == 0)
        {
            return null;
        }

        var tests = report.Inputs.Tests!;
        var check = report.Checks.First(c => c.Gate == GateNames.TestPassRate);
        return ConsoleLine(string.Create(CultureInfo.InvariantCulture,
            $"{FailedTests(tolerated)} tolerated by the {report.ContextName} minimum pass rate of {GateDescriptions.FormatValue(check.Gate, check.Threshold)} ({tests.Passed} of {tests.Executed} passed); {names.Set(Configuration.Settings.SettingsCatalogue.FailOnAnyTestFailure, "true")} to fail on any failed test."));
    }

    /// <summary>A person's name for a gate ("line coverage"), as <see cref="GateDescriptions.Label"/> gives it.</summary>
    public static string Label(string gate) => GateDescriptions.Label(gate);

    private static string Figure(QualityGateReport report, GateCheckResult check)
    {
        if (check.Value is null)
        {
            // Nothing was measured (no input under strict rules, no executed test): the message says why.
            return $"{Label(check.Gate)} {SummaryTable.StatusWord(check.Status)} ({Reason(check.Message)})";
        }

        var beyond = check.Failed || (check.Status == GateStatus.Waived && check.Threshold is double limit
            && (GateDescriptions.IsMinimum(check.Gate) ? check.Value < limit : check.Value > limit));
        var comparator = beyond ? (GateDescriptions.IsMinimum(check.Gate) ? "<" : ">") : GateDescriptions.Comparator(check.Gate);
        var against = $"{GateDescriptions.FormatValue(check.Gate, check.Value)} {comparator} {GateDescriptions.FormatValue(check.Gate, check.Threshold)}";
        if (check.Gate == GateNames.TestPassRate && report.Inputs.Tests is { } tests)
        {
            var tolerated = ToleratedFailures(report);
            return string.Create(CultureInfo.InvariantCulture,
                $"tests {tests.Passed}/{tests.Executed} ({against}{(tolerated > 0 ? $", {FailedTests(tolerated)} tolerated" : string.Empty)}){Tier(check)}");
        }

        return $"{Label(check.Gate)} {against}{Tier(check)}{BenchmarkCount(report, check)}";
    }

    /// <summary>" (1 of 7 regressed)" or " (7 benchmarks)" after a benchmark gate's figure; empty for other gates.</summary>
    private static string BenchmarkCount(QualityGateReport report, GateCheckResult check)
    {
        if (BenchmarkRows.For(report, check) is not { } rows)
        {
            return string.Empty;
        }

        var compared = rows.Count(r => r.Status != GateStatus.Skipped);
        var regressed = rows.Count(r => r.Status == GateStatus.Failed);
        return regressed > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({regressed} of {compared} regressed)")
            : string.Create(CultureInfo.InvariantCulture, $" ({compared} benchmark{(compared == 1 ? string.Empty : "s")})");
    }

    /// <summary>" WARN" or " WAIVED" after the figure of a check in its warning band or waived; empty otherwise.</summary>
    private static string Tier(GateCheckResult check) =>
        check.Status is GateStatus.Warning or GateStatus.Waived ? " " + SummaryTable.StatusWord(check.Status) : string.Empty;

    private static string FailedTests(int count) =>
        count == 1 ? "1 failed test" : count.ToString(CultureInfo.InvariantCulture) + " failed tests";

    /// <summary>
    /// The first clause of a check message, without the "check skipped" tail, starting lower case. The
    /// clause ends at the first '.', ';' or ',' before a space and outside parentheses, so a parenthesis is never cut open.
    /// </summary>
    private static string Reason(string message)
    {
        var end = ClauseEnd(message);
        var reason = end > 0 ? message[..end] : message;
        return reason.Length > 1 && char.IsUpper(reason[0]) && !char.IsUpper(reason[1])
            ? char.ToLowerInvariant(reason[0]) + reason[1..]
            : reason;
    }

    private static int ClauseEnd(string message)
    {
        var depth = 0;
        for (var i = 0; i < message.Length; i++)
        {
            switch (message[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '.' or ';' or ',' when depth == 0 && (i + 1 == message.Length || message[i + 1] == ' '):
                    return i;
            }
        }

        return -1;
    }

    /// <summary>One console line: control characters (a path or message could carry a newline) become spaces.</summary>
    private static string ConsoleLine(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
