using System.Text.Json;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Files;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;
using QualityGates.Reports;

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
    public static (RatchetBaseline? Baseline, string? Missing) Find(RatchetBaselineQuery query)
    {
        var (options, context, model, names) = (query.Ratchet, query.Context, query.Model, query.Names);
        if (!string.IsNullOrWhiteSpace(options.BaselineReport))
        {
            var path = Path.GetFullPath(options.BaselineReport.Trim(), query.BaseDirectory);
            return (Read(path, "the baseline report " + RepositoryRoot.Display(path, RepositoryRoot.Find(query.BaseDirectory))), null);
        }

        if (model is null)
        {
            throw new QualityGatesException(ErrorCodes.RatchetNeedsModel,
                $"{options.Source} takes its baseline from the registry's last approval for the model and context, but no model was given; name the model ({names.ModelSettings}) or a baseline report ({names.Of(SettingsCatalogue.BaselineReport)}).");
        }

        var (file, source, missing) = LastApprovedReport.Find(options.Registry, model, context, query.Environment, query.BaseDirectory);
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

/// <summary>Where the ratchet's baseline comes from: a report file when named, else the registry's last approval for the model and context.</summary>
internal sealed record RatchetOptions
{
    /// <summary>A JSON gate report to hold the run to (relative to the base folder); null = the registry's last approval.</summary>
    public string? BaselineReport { get; init; }

    /// <summary>The registry to look the last approval up in (as the approve-on-pass registry); null or blank = <c>QUALITYGATES_REGISTRY</c>, else <c>models/registry</c>.</summary>
    public string? Registry { get; init; }

    /// <summary>What the user calls the ratchet switch (<c>QualityGatesRatchet</c>, <c>--ratchet</c>), for errors.</summary>
    public string Source { get; init; } = "ratchet";
}

/// <summary>What <see cref="RatchetBaselineReader.Find"/> looks up: the ratchet's settings and the run's model and context.</summary>
/// <param name="Ratchet">Where the baseline comes from.</param>
/// <param name="Context">The context whose last approval is the baseline.</param>
/// <param name="Model">The run's model; the registry is asked only with one.</param>
/// <param name="Names">How messages name settings.</param>
/// <param name="BaseDirectory">A relative report or registry folder resolves here.</param>
/// <param name="Environment">Reads environment variables (the registry's location).</param>
internal sealed record RatchetBaselineQuery(RatchetOptions Ratchet, DeploymentContext Context, ModelIdentity? Model, SettingNames Names, string BaseDirectory, Func<string, string?> Environment);
