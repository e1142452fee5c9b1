using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// One CI server's way of showing a gate run: annotations, a build summary, step outputs. Chosen from
/// the environment by <see cref="CiIntegrations.Detect"/> and called by <see cref="CiReporter"/>.
/// </summary>
internal interface ICiIntegration
{
    /// <summary>The CI system, as in <see cref="CiBuildInfo.Provider"/> ("github-actions").</summary>
    string Name { get; }

    /// <summary>
    /// Publishes the run. Anything that cannot be written is returned as a warning, never thrown:
    /// a CI nicety must not fail a build the gates passed.
    /// </summary>
    IReadOnlyList<string> Publish(CiReportContext context);
}

/// <summary>Everything an <see cref="ICiIntegration"/> needs about one finished gate run.</summary>
/// <param name="Report">The run's report.</param>
/// <param name="Files">The report files written, or null when none were (a CLI run without <c>--report-dir</c>).</param>
/// <param name="Commands">Where workflow and logging commands go: the CI server reads them from the build log.</param>
/// <param name="Options">What to publish.</param>
/// <param name="Environment">Reads an environment variable (injected so tests never touch the process).</param>
internal sealed record CiReportContext(
    QualityGateReport Report,
    ReportFiles? Files,
    TextWriter Commands,
    CiReportOptions Options,
    Func<string, string?> Environment)
{
    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Variable(string name) => Environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
