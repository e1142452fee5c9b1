using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Gates.Benchmarks;
using QualityGates.Inputs;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Registry;

/// <summary>
/// The benchmark gates' baseline when none is named: the benchmarks recorded with the registry's last approval
/// for the model and context, looked up once the context is known (as the ratchet's baseline is).
/// </summary>
internal static class BenchmarkBaselineReader
{
    /// <summary>
    /// <paramref name="comparison"/> with the baseline of the registry's last approval for the model and
    /// the context when none was named; the approved report's row goes to <paramref name="read"/>.
    /// </summary>
    public static BenchmarkComparison WithRegistryBaseline(BenchmarkComparison comparison, BenchmarkOptions options, BaselineLookup request, List<InputFileRead> read)
    {
        if (options.BaselineNamed)
        {
            return comparison;
        }

        var baselineSetting = request.Names.SourceOf(SettingsCatalogue.BenchmarkBaselineFiles);
        if (request.Model is not { } model)
        {
            return comparison with
            {
                BaselineMissing = $"none named ({baselineSetting}), and no model to look up the registry's last approval for",
            };
        }

        var (file, source, missing) = LastApprovedReport.Find(options.Registry, model, request.Context, request.Environment, request.BaseDirectory);
        if (file is null)
        {
            return comparison with { BaselineMissing = $"none named ({baselineSetting}), and {missing}" };
        }

        using var report = JsonInputFile.Open(file);
        if (GateReportBenchmarks.Read(report, $"{source} ('{file}')") is not { } baseline)
        {
            return comparison with { BaselineMissing = $"none named ({baselineSetting}), and {source} recorded no benchmarks ('{file}')" };
        }

        read.Add(new InputFileRead(file, BenchmarkExportReader.BaselineKind, $"{baseline.Benchmarks.Count} benchmarks recorded with {source}"));
        return BenchmarkComparison.Pair(comparison.Current, baseline, baselineMissing: null);
    }
}

/// <summary>What a baseline is looked up for in the registry: the run's context and model, and where it runs.</summary>
/// <param name="Context">The context whose last approval is the baseline.</param>
/// <param name="Model">The run's model; the registry is asked only with one.</param>
/// <param name="Names">How messages name settings.</param>
/// <param name="BaseDirectory">A relative registry folder resolves here.</param>
/// <param name="Environment">Reads environment variables (the registry's location).</param>
internal sealed record BaselineLookup(DeploymentContext Context, ModelIdentity? Model, SettingNames Names, string BaseDirectory, Func<string, string?> Environment);
