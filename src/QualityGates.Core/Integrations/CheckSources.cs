using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>Which input file a check's figure came from, for annotations that point at a file.</summary>
internal static class CheckSources
{
    /// <summary>
    /// The one file behind <paramref name="gate"/>'s figure; null when there were none or several.
    /// Coverage has none: <see cref="Metrics.CoverageSummary.SourceFiles"/> lists the covered source
    /// code, not the Cobertura files read.
    /// </summary>
    public static string? FileOf(QualityGateReport report, string gate)
    {
        var inputs = report.Inputs;
        var files = gate switch
        {
            GateNames.TestPassRate or GateNames.AnyTestFailure or GateNames.FlakyTests => inputs.Tests?.SourceFiles ?? [],
            GateNames.CriticalVulnerabilities or GateNames.HighVulnerabilities or GateNames.MediumVulnerabilities
                => inputs.Security?.SourceFiles ?? [],
            _ when gate.StartsWith("model.", StringComparison.Ordinal) && inputs.Model?.SourceFile is { } metrics => [metrics],
            _ => [],
        };
        return files.Count == 1 ? files[0] : null;
    }

    /// <summary>
    /// <paramref name="file"/> relative to <paramref name="root"/> with '/' separators, as annotations
    /// name repository files; null when it lies outside the root (a link to it could not resolve).
    /// </summary>
    public static string? RelativeTo(string? root, string? file)
    {
        if (string.IsNullOrEmpty(root) || string.IsNullOrEmpty(file))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(file));
        return relative is "." or ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace('\\', '/');
    }
}
