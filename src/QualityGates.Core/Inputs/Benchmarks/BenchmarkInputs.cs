using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Running;

namespace QualityGates.Inputs.Benchmarks;

/// <summary>
/// Resolves the benchmark gates' inputs: this run's exports, the baseline's when named, else the
/// benchmarks of the registry's last approval for the model and context (looked up once the context is
/// known, as the ratchet's baseline is), paired by full name.
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>This run's benchmarks, paired with the named baseline; unpaired (baseline null, nothing missing yet) when the registry is to be asked.</summary>
    public static BenchmarkComparison Read(GateRunRequest request, BenchmarkOptions options, List<InputFileRead> read, List<GateDiagnostic> warnings)
    {
        if (options.Files.All(string.IsNullOrWhiteSpace))
        {
            throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{request.Names.SourceOf(SettingsCatalogue.BenchmarkBaselineFiles)} names a baseline, but {request.Names.SourceOf(SettingsCatalogue.BenchmarkFiles)} names no benchmark results to compare with it; name this run's BenchmarkDotNet exports too.");
        }

        var current = BenchmarkExportReader.Read(FilePatterns.Expand(options.Files, request.BaseDirectory), BenchmarkExportReader.Kind, read, warnings, request.Names);
        var baseline = options.BaselineNamed
            ? BenchmarkExportReader.Read(FilePatterns.Expand(options.BaselineFiles, request.BaseDirectory), BenchmarkExportReader.BaselineKind, read, warnings)
            : null;
        return BenchmarkComparison.Pair(current, baseline, baselineMissing: null);
    }

    /// <summary>
    /// <paramref name="comparison"/> with the baseline of the registry's last approval for the model and
    /// <paramref name="context"/> when none was named; the approved report's row goes to <paramref name="read"/>.
    /// </summary>
    public static BenchmarkComparison WithRegistryBaseline(BenchmarkComparison comparison, GateRunRequest request, BenchmarkOptions options, DeploymentContext context, List<InputFileRead> read)
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

        var (file, source, missing) = LastApprovedReport.Find(options.Registry, model, context, request.Environment, request.BaseDirectory);
        if (file is null)
        {
            return comparison with { BaselineMissing = $"none named ({baselineSetting}), and {missing}" };
        }

        using var report = Common.JsonInputFile.Open(file);
        if (GateReportBenchmarks.Read(report, $"{source} ('{file}')") is not { } baseline)
        {
            return comparison with { BaselineMissing = $"none named ({baselineSetting}), and {source} recorded no benchmarks ('{file}')" };
        }

        read.Add(new InputFileRead(file, BenchmarkExportReader.BaselineKind, $"{baseline.Benchmarks.Count} benchmarks recorded with {source}"));
        return BenchmarkComparison.Pair(comparison.Current, baseline, baselineMissing: null);
    }

    /// <summary>The warnings about a paired comparison: QG1082 when the hosts differ, QG2052 naming the benchmarks in one run only.</summary>
    public static IEnumerable<GateDiagnostic> Warnings(BenchmarkComparison comparison)
    {
        if (comparison.Baseline is not { } baseline)
        {
            yield break;
        }

        if (comparison.HostDifferences.Count > 0 && comparison.Current.Host is { } host && baseline.Host is { } before)
        {
            yield return BenchmarkHosts.Warning(host, $"the benchmarks ran on another machine or runtime than the baseline", before, comparison.HostDifferences);
        }

        var (added, removed) = (comparison.New, comparison.Removed);
        if (added.Count + removed.Count > 0)
        {
            string Names(IReadOnlyList<string> names) => string.Join(", ", names.Take(Gates.Checks.BenchmarkCheck.MaxNamed).Select(Gates.Benchmarks.BenchmarkText.Name))
                + (names.Count > Gates.Checks.BenchmarkCheck.MaxNamed ? $" and {names.Count - Gates.Checks.BenchmarkCheck.MaxNamed} more" : string.Empty);
            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add($"new, only in this run ({added.Count}): {Names(added)}");
            }

            if (removed.Count > 0)
            {
                parts.Add($"removed, only in the baseline ({removed.Count}): {Names(removed)}");
            }

            yield return GateDiagnostic.Warning(ErrorCodes.BenchmarksUnpaired,
                Files.ConsoleText.Neutralise($"Benchmarks not compared, since they ran in one of the two runs only — {string.Join("; ", parts)}. The baseline is {baseline.Source}; a renamed benchmark or changed parameters count as one removed and one new."));
        }
    }
}
