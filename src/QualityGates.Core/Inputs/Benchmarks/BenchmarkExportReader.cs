using System.Globalization;
using System.Text.Json;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Benchmarks;

/// <summary>
/// Reads BenchmarkDotNet's JSON exports (<c>JsonExporter.Full</c>: <c>*-report-full.json</c>, and the
/// brief and compressed variants) into one <see cref="BenchmarkRun"/>. Each file is read as every JSON input
/// is (<see cref="JsonInputFile"/>: checked whole first, so a truncated file is QG1004 with its line, then
/// walked one benchmark at a time). A benchmark's times are its workload measurements per operation: the
/// <c>Workload</c>/<c>Result</c> entries of <c>Measurements</c> in a full export, else
/// <c>Statistics.OriginalValues</c> (the same numbers, and all a brief export has).
/// </summary>
/// <remarks>
/// Codes: QG1006 (not a BenchmarkDotNet export), QG1007/QG1008/QG1012 (a field of the wrong type, out of
/// range or missing), QG1080 (a benchmark without measurements, or an export without benchmarks: a failed
/// run), QG1081 (one benchmark twice in the run). Exports of one run under two names (its full and its
/// brief export, same <c>Title</c>) count once.
/// </remarks>
internal static class BenchmarkExportReader
{
    /// <summary>What <see cref="InputFileRead.Kind"/> says for a current run's export and for a baseline's.</summary>
    public const string Kind = "benchmarks", BaselineKind = "benchmark baseline";

    /// <summary>Reads <paramref name="paths"/> (already expanded) as one run; <paramref name="read"/> gets a row per file.</summary>
    /// <param name="paths">The exports, full paths.</param>
    /// <param name="kind"><see cref="Kind"/> or <see cref="BaselineKind"/>, for the rows and messages.</param>
    /// <param name="read">Where each file's row goes; null for none.</param>
    /// <param name="warnings">Where QG1082 goes when the files of this one run name different machines or runtimes.</param>
    /// <param name="names">How messages name settings (MSBuild properties when null).</param>
    public static BenchmarkRun Read(IReadOnlyList<string> paths, string kind, List<InputFileRead>? read, DiagnosticBag? warnings, SettingNames? names = null)
    {
        var benchmarks = new List<BenchmarkResult>();
        var byName = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var files = new List<string>();
        BenchmarkHost? host = null;
        foreach (var path in paths.Select(p => Path.GetFullPath(p)).Where(seen.Add))
        {
            using var file = JsonInputFile.Open(path);
            var root = file.Root;
            if (kind == BaselineKind && GateReportBenchmarks.IsGateReport(root))
            {
                // An earlier run's gate report (main's latest.json kept as an artifact) names its benchmarks too.
                var recorded = GateReportBenchmarks.Read(file, $"the gate report '{path}'")
                    ?? throw root.Error(ErrorCodes.WrongFileKind, "a gate report without benchmarks (no metrics.benchmarks): the run it judged named no benchmark files.");
                host ??= recorded.Host;
                benchmarks.AddRange(recorded.Benchmarks.Select(b => Unique(b, byName, root)));
                files.Add(path);
                read?.Add(new InputFileRead(path, kind, Contribution(recorded.Benchmarks) + " recorded by a gate report"));
                continue;
            }

            if (root.Kind != JsonValueKind.Object || !root.Contains("Benchmarks"))
            {
                throw root.Error(ErrorCodes.WrongFileKind,
                    "not a BenchmarkDotNet JSON export (a *-report-full.json from JsonExporter.Full, or a brief or compressed one): the top level has no 'Benchmarks'"
                    + (GateReportBenchmarks.IsGateReport(root) ? $"; it is a gate report, which can be the baseline ({(names ?? SettingNames.For(Adapter.MSBuild)).Of(SettingsCatalogue.BenchmarkBaselineFiles)})." : "."));
            }

            var title = root.Optional("Title") is { Kind: JsonValueKind.String } t ? t.AsString() : null;
            if (title is not null && titles.TryGetValue(title, out var first))
            {
                // The full and the brief export of one run (same title): the same benchmarks, counted once.
                read?.Add(new InputFileRead(path, kind, SameRunContribution, first));
                continue;
            }

            var fileHost = ReadHost(root, path);
            if (host is null)
            {
                host = fileHost;
            }
            else if (fileHost is not null && warnings is not null && BenchmarkHosts.Differences(host, fileHost) is { Count: > 0 } differences)
            {
                warnings.Add(BenchmarkHosts.Warning(fileHost, $"this export's benchmarks ran on another machine or runtime than the first export of the same {kind}", host, differences));
            }

            var added = ReadBenchmarks(file, path, byName);
            benchmarks.AddRange(added);
            files.Add(path);
            if (title is not null)
            {
                titles[title] = path;
            }

            read?.Add(new InputFileRead(path, kind, Contribution(added)));
        }

        return new BenchmarkRun(benchmarks, host, SourceOf(files), files);
    }

    /// <summary>How messages name the files of a run: <c>'base/X-report-full.json'</c>, <c>3 exports in 'base/'</c>, <c>4 exports</c>.</summary>
    internal static string SourceOf(IReadOnlyList<string> files)
    {
        if (files.Count == 1)
        {
            return $"'{files[0]}'";
        }

        var folders = files.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{files.Count} exports") + (folders.Count == 1 ? $" in '{folders[0]}{Path.DirectorySeparatorChar}'" : string.Empty);
    }

    /// <summary>What a second export of a run already read contributes.</summary>
    internal const string SameRunContribution = "another export of the same BenchmarkDotNet run, counted once";

    private static List<BenchmarkResult> ReadBenchmarks(JsonInputFile file, string path, Dictionary<string, BenchmarkResult> byName)
    {
        var list = file.Root.Required("Benchmarks");
        file.IndexItems(list.Path);
        var added = new List<BenchmarkResult>();
        foreach (var item in list.Items())
        {
            added.Add(Unique(ReadBenchmark(item.ExpectObject(), path), byName, item));
        }

        if (added.Count == 0)
        {
            throw list.Error(ErrorCodes.BenchmarkRunFailed,
                "the export has no benchmarks: the run measured nothing (a filter that matched no benchmark, or a run that failed before its first benchmark; see BenchmarkDotNet's log).");
        }

        return added;
    }

    /// <summary><paramref name="benchmark"/>, noted in <paramref name="byName"/>; QG1081 at <paramref name="at"/> when the run already has its name.</summary>
    private static BenchmarkResult Unique(BenchmarkResult benchmark, Dictionary<string, BenchmarkResult> byName, JsonCursor at)
    {
        if (byName.TryGetValue(benchmark.FullName, out var earlier))
        {
            var where = benchmark.Line > 0 ? $"'{benchmark.File}' line {benchmark.Line}" : $"'{benchmark.File}'";
            throw new QualityGatesException(ErrorCodes.BenchmarkNameDuplicated,
                $"{where}: the benchmark '{UntrustedText.Cap(benchmark.FullName, 300)}' is already in this run ('{earlier.File}' line {earlier.Line}); a benchmark is matched with its baseline by its full name, so each may appear once. "
                + "Give each run's exports once (a run with two jobs, e.g. two runtimes, exports each name twice: export each job on its own).",
                benchmark.File, benchmark.Line > 0 ? benchmark.Line : at.File.LineOf(at.Path));
        }

        byName[benchmark.FullName] = benchmark;
        return benchmark;
    }

    private static BenchmarkResult ReadBenchmark(JsonCursor benchmark, string path)
    {
        var nameField = benchmark.Required("FullName");
        var name = nameField.AsString();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw nameField.OutOfRange($"{nameField.Path} is empty; BenchmarkDotNet names every benchmark.");
        }

        var samples = Samples(benchmark);
        if (samples.Count == 0)
        {
            throw benchmark.Error(ErrorCodes.BenchmarkRunFailed,
                $"the benchmark '{UntrustedText.Cap(name, 300)}' has no workload measurements: BenchmarkDotNet could not run it (an exception in the benchmark, its setup or its build; see BenchmarkDotNet's log). A failed run is never judged; fix the benchmark and run it again.");
        }

        var statistics = benchmark.Optional("Statistics");
        double? error = statistics?.Optional("ConfidenceInterval")?.Optional("Margin") is { } margin ? margin.AsNonNegativeNumber() : null;
        var memory = benchmark.Optional("Memory");
        double? allocated = memory?.Optional("BytesAllocatedPerOperation") is { } bytes ? bytes.AsNonNegativeNumber() : null;
        return new BenchmarkResult(name, samples, samples.Average(), error, allocated, path, benchmark.File.LineOf(benchmark.Path));
    }

    /// <summary>Nanoseconds per operation of each workload result measurement; else the statistics' original values; else none.</summary>
    private static List<double> Samples(JsonCursor benchmark)
    {
        var samples = new List<double>();
        if (benchmark.Optional("Measurements") is { } measurements)
        {
            // Held in memory (the usual case): read straight from the element, with no path per value; any value
            // out of place is read again below through the cursors, whose errors name the field and line.
            if (measurements is { Node: null, Kind: JsonValueKind.Array } && Measured(measurements.Element, samples))
            {
                return samples.Count > 0 ? samples : OriginalValues(benchmark, samples);
            }

            samples.Clear();
            foreach (var measurement in measurements.Items())
            {
                measurement.ExpectObject();
                if (Word(measurement, "IterationMode") != "Workload" || Word(measurement, "IterationStage") != "Result")
                {
                    continue;
                }

                var operations = measurement.Required("Operations");
                var count = operations.AsNonNegativeNumber();
                if (count < 1)
                {
                    throw operations.OutOfRange($"{operations.Path} is {operations.RawText}; a measurement runs at least one operation.");
                }

                samples.Add(measurement.Required("Nanoseconds").AsNonNegativeNumber() / count);
            }

            if (samples.Count > 0)
            {
                return samples;
            }
        }

        return OriginalValues(benchmark, samples);
    }

    private static List<double> OriginalValues(JsonCursor benchmark, List<double> samples)
    {
        foreach (var value in benchmark.Optional("Statistics")?.OptionalItems("OriginalValues") ?? [])
        {
            samples.Add(value.AsNonNegativeNumber());
        }

        return samples;
    }

    /// <summary>The workload results of <paramref name="measurements"/> into <paramref name="samples"/>; false at the first value that is not as BenchmarkDotNet writes it.</summary>
    private static bool Measured(JsonElement measurements, List<double> samples)
    {
        foreach (var measurement in measurements.EnumerateArray())
        {
            if (measurement.ValueKind != JsonValueKind.Object
                || !measurement.TryGetProperty("IterationMode", out var mode) || !measurement.TryGetProperty("IterationStage", out var stage)
                || mode.ValueKind != JsonValueKind.String || stage.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (!mode.ValueEquals("Workload") || !stage.ValueEquals("Result"))
            {
                continue;
            }

            if (!measurement.TryGetProperty("Operations", out var operations) || operations.ValueKind != JsonValueKind.Number || operations.GetDouble() is not (>= 1 and var count) || !double.IsFinite(count)
                || !measurement.TryGetProperty("Nanoseconds", out var time) || time.ValueKind != JsonValueKind.Number || time.GetDouble() is not (>= 0 and var nanoseconds) || !double.IsFinite(nanoseconds))
            {
                return false;
            }

            samples.Add(nanoseconds / count);
        }

        return true;
    }

    private static string? Word(JsonCursor value, string name) => value.Optional(name) is { Kind: JsonValueKind.String } word ? word.AsString() : null;

    private static BenchmarkHost? ReadHost(JsonCursor root, string path)
    {
        if (root.Optional("HostEnvironmentInfo") is not { Kind: JsonValueKind.Object } info)
        {
            return null;
        }

        string? Text(string name) => info.Optional(name) is { Kind: JsonValueKind.String } value ? value.AsString() : null;
        var cores = info.Optional("LogicalCoreCount") is { Kind: JsonValueKind.Number } count ? count.AsCount() : (int?)null;
        var jit = info.Optional("HasRyuJit") is { Kind: JsonValueKind.True or JsonValueKind.False } ryuJit
            ? (ryuJit.Kind == JsonValueKind.True ? "RyuJit" : "not RyuJit") + (Text("Configuration") is { } configuration ? ", " + configuration : string.Empty)
            : Text("Configuration");
        return new BenchmarkHost(Text("ProcessorName"), cores, Text("OsVersion"), Text("RuntimeVersion"), Text("Architecture"), jit,
            Text("BenchmarkDotNetVersion"), path, root.File.LineOf(info.Path));
    }

    private static string Contribution(IReadOnlyList<BenchmarkResult> added)
    {
        var samples = added.Sum(b => b.Samples.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"{added.Count} benchmark{(added.Count == 1 ? string.Empty : "s")}, {samples} measurements{(added.All(b => b.AllocatedBytes is not null) ? ", allocations" : string.Empty)}");
    }
}
