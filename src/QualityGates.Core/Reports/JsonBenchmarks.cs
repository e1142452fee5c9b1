using System.Text.Json;
using QualityGates.Gates.Benchmarks;
using QualityGates.Metrics;

namespace QualityGates.Reports;

/// <summary>
/// The JSON report's <c>metrics.benchmarks</c> (only when benchmark files were named): both runs' sources and
/// hosts, the test, the new and removed benchmarks, and per benchmark its figures and verdicts. This run's
/// measurements are kept (<c>current.samplesNs</c>), so an approved report is the baseline of a later run
/// (<see cref="Inputs.Benchmarks.GateReportBenchmarks"/> reads them back). Times are nanoseconds per operation.
/// </summary>
internal static class JsonBenchmarks
{
    public static void Write(Utf8JsonWriter json, BenchmarkComparison? comparison)
    {
        if (comparison is null)
        {
            return;
        }

        json.WriteStartObject("benchmarks");
        WriteRun(json, "current", comparison.Current);
        WriteRun(json, "baseline", comparison.Baseline);
        JsonReportValues.Text(json, "baselineMissing", comparison.BaselineMissing);
        JsonReportValues.TextArray(json, "hostDifferences", comparison.HostDifferences);
        json.WriteStartObject("test");
        json.WriteString("time", "one-sided Mann-Whitney U (Perfolizer), this run slower than the baseline times (1 + maximum latency increase)");
        json.WriteNumber("alpha", comparison.Alpha);
        json.WriteString("allocated", "bytes per operation, increase in percent of the baseline");
        json.WriteEndObject();
        JsonReportValues.TextArray(json, "new", comparison.New);
        JsonReportValues.TextArray(json, "removed", comparison.Removed);
        json.WriteStartArray("results");
        foreach (var b in comparison.Benchmarks)
        {
            json.WriteStartObject();
            JsonReportValues.Text(json, "name", b.FullName);
            json.WriteString("time", OutcomeName(b.Time));
            json.WriteString("allocated", OutcomeName(b.Allocated));
            JsonReportValues.Number(json, "ratio", b.Ratio);
            JsonReportValues.Number(json, "timeIncrease", b.TimeIncrease);
            JsonReportValues.Number(json, "pValue", b.PValue);
            JsonReportValues.Number(json, "allocatedIncreasePercent", b.AllocatedIncreasePercent);
            JsonReportValues.Text(json, "note", b.Note);
            WriteResult(json, "base", b.Base, samples: false);
            WriteResult(json, "current", b.Current, samples: true);
            var waivers = new[] { b.TimeWaiver, b.AllocatedWaiver }.OfType<Waivers.Waiver>().Distinct().ToList();
            if (waivers.Count > 0)
            {
                json.WriteStartArray("waivers");
                waivers.ForEach(w => JsonWaivers.Write(json, w, state: null));
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The word for an outcome in the JSON report: within, improved, not significant, warning, regressed, waived, not judged.</summary>
    public static string OutcomeName(BenchmarkOutcome outcome) => outcome switch
    {
        BenchmarkOutcome.Within => "within",
        BenchmarkOutcome.Improved => "improved",
        BenchmarkOutcome.NotSignificant => "not significant",
        BenchmarkOutcome.Warning => "warning",
        BenchmarkOutcome.Regressed => "regressed",
        BenchmarkOutcome.Waived => "waived",
        _ => "not judged",
    };

    private static void WriteRun(Utf8JsonWriter json, string name, BenchmarkRun? run)
    {
        if (run is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        JsonReportValues.Text(json, "source", run.Source);
        JsonReportValues.TextArray(json, "files", run.Files);
        if (run.Host is { } host)
        {
            json.WriteStartObject("host");
            JsonReportValues.Text(json, "processor", host.Processor);
            JsonReportValues.Number(json, "logicalCores", host.LogicalCores);
            JsonReportValues.Text(json, "os", host.Os);
            JsonReportValues.Text(json, "runtime", host.Runtime);
            JsonReportValues.Text(json, "architecture", host.Architecture);
            JsonReportValues.Text(json, "jit", host.Jit);
            JsonReportValues.Text(json, "benchmarkDotNet", host.BenchmarkDotNetVersion);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("host");
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string name, BenchmarkResult? result, bool samples)
    {
        if (result is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("meanNs", result.Mean);
        JsonReportValues.Number(json, "errorNs", result.Error);
        json.WriteNumber("medianNs", result.Median);
        json.WriteNumber("measurements", result.Samples.Count);
        JsonReportValues.Number(json, "allocatedBytes", result.AllocatedBytes);
        if (samples)
        {
            json.WriteStartArray("samplesNs");
            foreach (var sample in result.Samples)
            {
                json.WriteNumberValue(sample);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
