namespace QualityGates.Integrations;

/// <summary>
/// One CI server's way of showing a gate run: annotations, a build summary, step outputs. Chosen from
/// the environment by <see cref="CiIntegrations.Detect"/> and called by <see cref="CiReporter"/>.
/// </summary>
public interface ICiIntegration
{
    /// <summary>The CI system, as in <see cref="Reports.CiBuildInfo.Provider"/> ("github-actions").</summary>
    string Name { get; }

    /// <summary>
    /// Publishes the run. Anything that cannot be written is returned as a warning, never thrown:
    /// a CI nicety must not fail a build the gates passed.
    /// </summary>
    IReadOnlyList<string> Publish(CiReportContext context);
}
