using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Benchmarks;

/// <summary>
/// Reads the benchmarks an earlier JSON gate report recorded (<c>metrics.benchmarks</c>, written by
/// <see cref="Reports.JsonBenchmarks"/>) back as a run: each benchmark of that run with its measurements
/// (<c>current.samplesNs</c>) and allocations, and the host it ran on. So the report of the registry's last
/// approval, or a <c>latest.json</c> kept from <c>main</c>, is the baseline of a later run.
/// </summary>
internal static class GateReportBenchmarks
{
    /// <summary>True when <paramref name="root"/> is a gate report (it has a <c>schemaVersion</c> and <c>metrics</c>).</summary>
    public static bool IsGateReport(JsonCursor root) => root.Kind == JsonValueKind.Object && root.Contains("schemaVersion") && root.Contains("metrics");

    /// <summary>The run the report recorded, or null when it recorded no benchmarks.</summary>
    /// <param name="file">The open report.</param>
    /// <param name="source">How messages name it ("the last approval of veran 6.1 for staging, …").</param>
    public static BenchmarkRun? Read(JsonInputFile file, string source)
    {
        var root = file.Root;
        if (root.Optional("metrics") is not { Kind: JsonValueKind.Object } metrics
            || metrics.Optional("benchmarks") is not { Kind: JsonValueKind.Object } benchmarks)
        {
            return null;
        }

        var results = benchmarks.Required("results");
        file.IndexItems(results.Path);
        var list = new List<BenchmarkResult>();
        foreach (var entry in results.Items())
        {
            if (entry.ExpectObject().Optional("current") is not { } current)
            {
                continue; // removed from the run that report judged: not part of it
            }

            var samples = current.Required("samplesNs").Items().Select(s => s.AsNonNegativeNumber()).ToList();
            if (samples.Count == 0)
            {
                throw current.Error(ErrorCodes.BenchmarkRunFailed, $"{current.Path}.samplesNs is empty; the report recorded no measurements for this benchmark.");
            }

            list.Add(new BenchmarkResult(
                entry.Required("name").AsString(),
                samples,
                samples.Average(),
                current.Optional("errorNs")?.AsNonNegativeNumber(),
                current.Optional("allocatedBytes")?.AsNonNegativeNumber(),
                file.Path,
                file.LineOf(entry.Path)));
        }

        return new BenchmarkRun(list, Host(benchmarks.Optional("current"), file), source, []);
    }

    private static BenchmarkHost? Host(JsonCursor? run, JsonInputFile file)
    {
        if (run?.Optional("host") is not { Kind: JsonValueKind.Object } host)
        {
            return null;
        }

        string? Text(string name) => host.Optional(name) is { Kind: JsonValueKind.String } value ? value.AsString() : null;
        return new BenchmarkHost(Text("processor"), host.Optional("logicalCores")?.AsCount(), Text("os"), Text("runtime"), Text("architecture"),
            Text("jit"), Text("benchmarkDotNet"), file.Path, file.LineOf(host.Path));
    }
}
