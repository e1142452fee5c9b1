using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Metrics;
using QualityGates.Reports;

namespace QualityGates.Integrations;

/// <summary>
/// The uncovered new lines as annotations on the lines themselves: one per range of consecutive lines,
/// at most <see cref="MaxAnnotations"/>, then one note with how many more ranges there are, so a huge change
/// cannot flood the log (GitHub shows only the first 10 warnings of a step and 50 of a job anyway).
/// Warnings, carrying <c>QG2014</c>: the gate's verdict is the <c>coverage.new_code</c> error itself.
/// </summary>
internal static class NewCodeAnnotations
{
    public const int MaxAnnotations = 30;

    /// <summary>(repository path, range) per annotation, and how many ranges were left out.</summary>
    public static (IReadOnlyList<(string Path, LineRange Range)> Shown, int Omitted) Select(QualityGateReport report)
    {
        if (report.Inputs.NewCode is not { } newCode)
        {
            return ([], 0);
        }

        var all = newCode.Files.SelectMany(f => f.Uncovered.Select(r => (f.Path, Range: r))).ToList();
        return (all.Take(MaxAnnotations).ToList(), Math.Max(0, all.Count - MaxAnnotations));
    }

    public static string Message(LineRange range) => range.Start == range.End
        ? $"New line {range} is not covered by any test."
        : $"New lines {range} are not covered by any test.";

    public static string Title => $"{ErrorCodes.NewCodeCoverageBelowMinimum} {GateNames.NewCodeCoverage}";

    public static string OmittedMessage(int omitted) =>
        $"{omitted} more uncovered new-line ranges are not annotated; gates.html and the JSON report list them all.";

    /// <summary>GitHub wants paths relative to the workspace; the change's paths are relative to the repository root.</summary>
    public static string ForWorkspace(string path, string? repositoryRoot, string? workspace) =>
        repositoryRoot is null || workspace is null
            ? path
            : CheckSources.RelativeTo(workspace, Path.Combine(repositoryRoot, path)) ?? path;
}
