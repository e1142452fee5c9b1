using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates.Benchmarks;

namespace QualityGates.Inputs.Benchmarks;

/// <summary>
/// Reads the benchmark gates' inputs: this run's exports and the baseline's when named, paired by full name
/// (else <see cref="Registry.BenchmarkBaselineReader"/> looks up the registry's last approval once the context is known).
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>This run's benchmarks, paired with the named baseline; unpaired (baseline null, nothing missing yet) when the registry is to be asked.</summary>
    public static BenchmarkComparison Read(InputOptions request, BenchmarkOptions options, List<InputFileRead> read, DiagnosticBag warnings)
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
}

/// <summary>
/// The benchmark gates' inputs: this run's BenchmarkDotNet JSON exports, and the baseline's — exports or an earlier
/// gate report — when named, else the benchmarks recorded with the registry's last approval for the model and context.
/// </summary>
internal sealed record BenchmarkOptions
{
    /// <summary>This run's exports (<c>*-report-full.json</c>, brief or compressed), files or globs relative to the base folder.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The baseline's exports or gate report (<c>latest.json</c>), files or globs; empty = the registry's last approval.</summary>
    public IReadOnlyList<string> BaselineFiles { get; init; } = [];

    /// <summary>The registry to look the last approval up in (as the approve-on-pass registry); null or blank = <c>QUALITYGATES_REGISTRY</c>, else <c>models/registry</c>.</summary>
    public string? Registry { get; init; }

    /// <summary>True when a baseline is named (else the registry is asked).</summary>
    public bool BaselineNamed => BaselineFiles.Any(f => !string.IsNullOrWhiteSpace(f));
}
