using QualityGates.Errors;
using QualityGates.Inputs.Cobertura;
using QualityGates.Inputs.Trx;
using QualityGates.Metrics;

namespace QualityGates.Inputs;

/// <summary>
/// Reads the result files of many runs — the jobs of a CI run split into shards, the test projects of a
/// solution — into one test summary and one coverage summary, with one row per file (what each added,
/// and which files were copies of an earlier one). The same reading <see cref="Running.GateRun"/> does for
/// <see cref="Running.GateRunRequest.TestResultFiles"/> and <see cref="Running.GateRunRequest.CoverageFiles"/>;
/// for an adapter that merges results before (or besides) judging them.
/// </summary>
internal static class ResultFileMerge
{
    /// <summary>
    /// Reads and merges the files: TRX counts add up, a copy of a run already read counts once
    /// (<see cref="TrxReader.ReadFiles"/>); Cobertura merges per assembly, source file and line, a line
    /// covered in any file is covered (<see cref="CoberturaReader.ReadAll(IEnumerable{string}, CoverageFilter)"/>).
    /// Files are read on every core and merged in the order given.
    /// </summary>
    /// <param name="testResultFiles">TRX files (paths, not globs: <see cref="FilePatterns.Expand"/> expands those); none gives no tests.</param>
    /// <param name="coverageFiles">Cobertura files; none gives no coverage.</param>
    /// <param name="filter">What the coverage figure counts; null counts everything.</param>
    /// <exception cref="QualityGatesException">A file is missing, malformed or of the wrong kind (the reader's QG1xxx code, naming the file).</exception>
    public static MergedResults Read(IReadOnlyList<string> testResultFiles, IReadOnlyList<string> coverageFiles, CoverageFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(testResultFiles);
        ArgumentNullException.ThrowIfNull(coverageFiles);
        var files = new List<InputFileRead>();
        var warnings = new DiagnosticBag();
        var tests = testResultFiles.Count == 0 ? null : Tests(new TrxReader().ReadFiles(testResultFiles), files, warnings);
        var coverage = coverageFiles.Count == 0 ? null : new CoberturaReader().ReadAll(coverageFiles, filter ?? CoverageFilter.None, files);
        return new MergedResults(tests, coverage, files, warnings);
    }

    /// <summary>Merges TRX rows into one run, adding a row per file to <paramref name="files"/> and a QG0021 warning per run id two different files share.</summary>
    internal static TestRunSummary Tests(IReadOnlyList<TrxFileRun> runs, List<InputFileRead> files, DiagnosticBag warnings)
    {
        warnings.AddRange(runs.Where(f => f.RunIdSharedWith is not null).Select(f => GateDiagnostic.Warning(ErrorCodes.TestRunIdSharedByDifferentFiles,
            $"'{f.Path}' and '{f.RunIdSharedWith}' both name test run {f.Summary.RunId} but their contents differ; both are counted. A copy of a file counts once by itself: if one was edited or re-written after the run, give only the other.",
            f.Path)));
        files.AddRange(runs.Select(f => f.SameRunAs is { } first
            ? new InputFileRead(Path.GetFullPath(f.Path), "TRX", InputFileRead.CopyContribution, Path.GetFullPath(first))
            : f.RetryOf is { } retried
                ? new InputFileRead(Path.GetFullPath(f.Path), "TRX", InputFileRead.RetryContribution(f.Attempts), Path.GetFullPath(retried))
                : new InputFileRead(Path.GetFullPath(f.Path), "TRX", InputFileRead.Tests(f.Summary, f.Attempts))));
        return TrxReader.Merge(runs.Where(f => f.Counts).Select(f => f.Summary).ToList());
    }
}

/// <summary>What <see cref="ResultFileMerge.Read"/> produced.</summary>
/// <param name="Tests">The merged test run, or null when no TRX file was given.</param>
/// <param name="Coverage">The merged coverage (with <see cref="CoverageSummary.Packages"/>, one row per assembly), or null when no Cobertura file was given.</param>
/// <param name="Files">One row per file read, in reading order: TRX first, then Cobertura; full paths.</param>
/// <param name="Warnings">QG0021 warnings: two TRX files naming one run id with different contents (both counted).</param>
internal sealed record MergedResults(TestRunSummary? Tests, CoverageSummary? Coverage, IReadOnlyList<InputFileRead> Files, IReadOnlyList<GateDiagnostic> Warnings)
{
    /// <summary>How many files of each kind came from which folders (<see cref="InputMerge.Of"/>).</summary>
    public IReadOnlyList<InputMerge> Merges => InputMerge.Of(Files);
}
