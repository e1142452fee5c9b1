using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;
using QualityGates.Running;

namespace QualityGates.Registry;

/// <summary>
/// Finds the figures the ratchet holds a run to: a JSON gate report the user named, else the report of
/// the last approval in the registry for the run's model and context (the approval furthest down the
/// model's registry file that carries a report). The figures are the report's own
/// <c>metrics.coverage.lineRate</c>, <c>metrics.coverage.branchRate</c> and <c>metrics.tests.passRate</c>.
/// </summary>
internal static class RatchetBaselineReader
{
    /// <summary>The baseline, or null with the reason there is none yet (no approval, its report is gone).</summary>
    /// <exception cref="QualityGatesException">
    /// QG0012 when the registry is to be asked but the run names no model; QG1001–QG1012 for a baseline
    /// report that is missing (when named), not JSON, or not a gate report; QG3xxx when the registry cannot be read.
    /// </exception>
    public static (RatchetBaseline? Baseline, string? Missing) Find(GateRunRequest request, RatchetOptions options, DeploymentContext context)
    {
        if (!string.IsNullOrWhiteSpace(options.BaselineReport))
        {
            var path = Path.GetFullPath(options.BaselineReport.Trim(), request.BaseDirectory);
            return (Read(path, "the baseline report " + RepositoryRoot.Display(path, RepositoryRoot.Find(request.BaseDirectory))), null);
        }

        if (request.Model is not { } model)
        {
            throw new QualityGatesException(ErrorCodes.RatchetNeedsModel,
                $"{options.Source} takes its baseline from the registry's last approval for the model and context, but no model was given; name the model ({request.Names.ModelSettings}) or a baseline report ({request.Names.Of(SettingsCatalogue.BaselineReport)}).");
        }

        var (file, source, missing) = LastApprovedReport.Find(options.Registry, model, context, request.Environment, request.BaseDirectory);
        return file is null ? (null, missing) : (Read(file, source), null);
    }

    private static RatchetBaseline Read(string path, string source)
    {
        // Validates the file as a gate report first (coded errors), then takes the figures.
        JsonReportReader.Read(path);
        using var file = JsonInputFile.Open(path);
        var metrics = Child(file.Root, "metrics");
        var coverage = Child(metrics, "coverage");
        var tests = Child(metrics, "tests");
        return new RatchetBaseline(source, Number(coverage, "lineRate"), Number(coverage, "branchRate"), Number(tests, "passRate"));
    }

    private static JsonCursor? Child(JsonCursor? parent, string name) =>
        parent is { Kind: JsonValueKind.Object } p && p.Optional(name) is { Kind: JsonValueKind.Object } child ? child : null;

    private static double? Number(JsonCursor? parent, string name) =>
        parent is { } p && p.Optional(name) is { Kind: JsonValueKind.Number } value ? value.Element.GetDouble() : null;
}
