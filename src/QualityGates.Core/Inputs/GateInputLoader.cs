using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Git;
using QualityGates.Inputs.ModelMetrics;
using QualityGates.Inputs.Security;
using QualityGates.Inputs.TestMetrics;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;

namespace QualityGates.Inputs;

/// <summary>
/// Resolves and reads every input of a request, once: each glob is expanded once, each TRX read once
/// (its coverage attachments come from the same read). Each kind of input is read on its own, so one
/// bad file is one error and the other kinds are still checked; the caller judges nothing when any
/// error was collected.
/// </summary>
internal static class GateInputLoader
{
    /// <summary>Reads the inputs; <paramref name="coverageFiles"/> are the Cobertura files resolved for the run (full paths).</summary>
    /// <param name="inputs">The inputs to read.</param>
    /// <param name="diagnostics">Where each bad input's coded error goes, and the input warnings (QG0021: two TRX files share a run id but not their bytes; then the adapter's, <see cref="RunInputs.Warnings"/>).</param>
    /// <param name="coverageFiles">The Cobertura files resolved for the run.</param>
    public static GateInputs Load(InputOptions inputs, DiagnosticBag diagnostics, out IReadOnlyList<string> coverageFiles)
    {
        var read = new List<InputFileRead>();
        var tests = ReadTests(inputs, diagnostics, read);
        diagnostics.AddRange(inputs.Run.Warnings);
        var testMetrics = ReadFile(inputs.TestMetricsFile, inputs, diagnostics, TestMetricsJsonReader.Read);
        if (testMetrics is not null)
        {
            read.Add(new InputFileRead(Path.GetFullPath(inputs.TestMetricsFile!, inputs.BaseDirectory), "test metrics",
                InputFileRead.Tests(testMetrics.Tests) + (testMetrics.CoverageLineRate is { } rate ? $", line coverage {Gates.Checks.Format.Percent(rate)}" : string.Empty)));
        }

        coverageFiles = CoverageFiles(inputs, tests, diagnostics);
        var files = coverageFiles;
        var merged = files.Count == 0 ? null : diagnostics.Attempt(() => new CoberturaReader().Accumulate(files, read));
        var coverage = merged?.ToSummary(inputs.CoverageFilter);
        var newCode = merged is null || inputs.NewCode is null ? null
            : diagnostics.Attempt(() => NewCode(inputs, inputs.NewCode, merged));
        var security = ReadFiles(inputs.SecurityScanFiles, inputs, diagnostics, paths => SecurityScanReader.ReadAll(paths, read));
        var model = ReadModel(inputs, diagnostics, read);
        var benchmarks = inputs.Benchmarks is { } named ? diagnostics.Attempt(() => BenchmarkInputs.Read(inputs, named, read, diagnostics)) : null;

        return new GateInputs
        {
            // The run's own record first; test-metrics JSON is for runs whose TRX is not at hand.
            Tests = tests ?? testMetrics?.Tests,
            Coverage = coverage,
            NewCode = newCode,
            ReportedLineRate = testMetrics?.CoverageLineRate,
            Model = model,
            Security = security,
            Benchmarks = benchmarks,
            Files = diagnostics.HasErrors ? [] : read,
        };
    }

    /// <summary>The change since the merge base with the base ref, laid over the merged coverage.</summary>
    private static NewCodeCoverage NewCode(InputOptions inputs, NewCodeOptions options, CoverageAccumulator merged)
    {
        var diff = ParseDiff(options);
        var changes = new ChangeSetReader(inputs.BaseDirectory, inputs.Environment, options.GitProgram, inputs.Names).Read(options.BaseRef, options.BaseRefSource, diff);
        return NewCodeTally.Compute(changes, merged.KeptFiles(inputs.CoverageFilter), merged.Assemblies, inputs.CoverageFilter);
    }

    /// <summary>The diff mode: <c>WorkingTree</c> (default) or <c>Head</c>, case-insensitive.</summary>
    /// <exception cref="QualityGatesException">QG0011 for any other value.</exception>
    internal static NewCodeDiff ParseDiff(NewCodeOptions options)
    {
        var text = options.Diff?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return NewCodeDiff.WorkingTree;
        }

        return Enum.TryParse<NewCodeDiff>(text, ignoreCase: true, out var diff) && !int.TryParse(text, out _)
            ? diff
            : throw new QualityGatesException(ErrorCodes.InvalidNewCodeSetting,
                $"{options.DiffSource} is '{text}'; use WorkingTree (the commits since the merge base plus uncommitted changes and untracked source files) or Head (the commits only).");
    }

    /// <summary>The user's TRX files when named; else the run's in-process results; else the TRX this run wrote.</summary>
    private static TestRunSummary? ReadTests(InputOptions inputs, DiagnosticBag diagnostics, List<InputFileRead> read)
    {
        if (inputs.TestResultFiles.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            return ReadFiles(inputs.TestResultFiles, inputs, diagnostics, files => ResultFileMerge.Tests(new TrxReader().ReadFiles(files), read, diagnostics));
        }

        var run = inputs.Run;
        if (run.Tests is not null)
        {
            return run.Tests;
        }

        if (!string.IsNullOrWhiteSpace(run.TestResultFile))
        {
            return ReadFile(run.TestResultFile, inputs, diagnostics, path => ResultFileMerge.Tests([Single(path)], read, diagnostics));
        }

        if (!string.IsNullOrWhiteSpace(run.ResultsDirectory) && run.StartedUtc is { } started)
        {
            var folder = Path.GetFullPath(run.ResultsDirectory.Trim(), inputs.BaseDirectory);
            return diagnostics.Attempt(() => ResultFileMerge.Tests([Single(TestRunResultFinder.FindNewest(folder, started))], read, diagnostics));
        }

        return null;
    }

    private static TrxFileRun Single(string path) => new(path, new TrxReader().Read(path), SameRunAs: null);

    /// <summary>
    /// The user's Cobertura files when named; else coverlet.msbuild's report of this run; else (only when
    /// coverage is judged and no TRX was named) the Cobertura files coverlet.collector attached to this run's TRX.
    /// </summary>
    private static IReadOnlyList<string> CoverageFiles(InputOptions inputs, TestRunSummary? tests, DiagnosticBag diagnostics)
    {
        if (inputs.CoverageFiles.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            return diagnostics.Attempt(() => FilePatterns.Expand(inputs.CoverageFiles, inputs.BaseDirectory)) ?? [];
        }

        // coverlet.msbuild may also write json, lcov or opencover files next to the Cobertura one;
        // coverlet.MTP puts a timestamp before the extension (coverage.cobertura.<timestamp>.xml).
        var coverlet = inputs.Run.CoverageFiles
            .Where(f => Path.GetFileName(f).Contains(".cobertura.", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetFullPath(f.Trim(), inputs.BaseDirectory))
            .ToList();
        var testResultsNamed = inputs.TestResultFiles.Any(f => !string.IsNullOrWhiteSpace(f));
        if (coverlet.Count > 0 || testResultsNamed || (inputs.Groups & GateGroup.Coverage) == 0)
        {
            return coverlet;
        }

        return tests?.CoverageAttachments ?? [];
    }

    private static Metrics.ModelMetrics? ReadModel(InputOptions inputs, DiagnosticBag diagnostics, List<InputFileRead> read)
    {
        if (inputs.ModelMetricsFile is null && inputs.BaselineFile is not null)
        {
            diagnostics.Add(new QualityGatesException(ErrorCodes.InvalidSetting,
                $"A baseline file ('{inputs.BaselineFile}') was given without model metrics to compare with it; name the model metrics file too."));
            return null;
        }

        var baseline = inputs.BaselineFile is null ? null : Path.GetFullPath(inputs.BaselineFile, inputs.BaseDirectory);
        var model = baseline is null
            ? ReadFile(inputs.ModelMetricsFile, inputs, diagnostics, ModelMetricsReader.Read)
            : ReadFile(inputs.ModelMetricsFile, inputs, diagnostics, metrics => ModelMetricsReader.ReadWithBaseline(metrics, baseline));
        if (model is not null)
        {
            read.Add(new InputFileRead(Path.GetFullPath(inputs.ModelMetricsFile!, inputs.BaseDirectory), "model metrics", ModelFigures(model)));
            if (baseline is not null)
            {
                read.Add(new InputFileRead(baseline, "baseline", "baseline quality score and latency"));
            }
        }

        return model;
    }

    private static string ModelFigures(Metrics.ModelMetrics model)
    {
        var count = new double?[] { model.QualityScore, model.Accuracy, model.F1Score, model.Perplexity, model.LatencyMs, model.ThroughputTokensPerSec, model.MemoryMb }
            .Count(v => v is not null);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} metric{(count == 1 ? string.Empty : "s")}");
    }

    private static T? ReadFiles<T>(IReadOnlyList<string> patterns, InputOptions inputs, DiagnosticBag diagnostics, Func<IReadOnlyList<string>, T> read)
        where T : class
    {
        if (patterns.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        return diagnostics.Attempt(() => read(FilePatterns.Expand(patterns, inputs.BaseDirectory)));
    }

    private static T? ReadFile<T>(string? path, InputOptions inputs, DiagnosticBag diagnostics, Func<string, T> read)
        where T : class
    {
        return string.IsNullOrWhiteSpace(path) ? null : diagnostics.Attempt(() => read(Path.GetFullPath(path, inputs.BaseDirectory)));
    }
}
