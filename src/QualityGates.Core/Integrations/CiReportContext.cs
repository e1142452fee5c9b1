using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>Everything an <see cref="ICiIntegration"/> needs about one finished gate run.</summary>
/// <param name="Report">The run's report.</param>
/// <param name="Files">The report files written, or null when none were (a CLI run without <c>--report-dir</c>).</param>
/// <param name="Commands">Where workflow and logging commands go: the CI server reads them from the build log.</param>
/// <param name="Options">What to publish.</param>
/// <param name="Environment">Reads an environment variable (injected so tests never touch the process).</param>
public sealed record CiReportContext(
    QualityGateReport Report,
    ReportFiles? Files,
    TextWriter Commands,
    CiReportOptions Options,
    Func<string, string?> Environment)
{
    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Variable(string name) => Environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
