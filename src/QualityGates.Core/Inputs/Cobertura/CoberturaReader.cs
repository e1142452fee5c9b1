using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Reads Cobertura XML from coverlet.msbuild, coverlet.collector, Microsoft Code Coverage and other
/// producers into one <see cref="CoverageSummary"/>, streaming, with memory that does not grow with the
/// size of the files. See docs/coverage.md for the counting and merge rules.
/// </summary>
public sealed class CoberturaReader
{
    /// <summary>Reads one file.</summary>
    /// <exception cref="Errors.QualityGatesException">The file is missing, empty, malformed or not Cobertura.</exception>
    public CoverageSummary Read(string path) => ReadAll(new[] { path });

    /// <summary>
    /// Reads several files (test projects, target frameworks, CI shards, repeated runs) and merges them per
    /// package, source file and line, so the same code reported twice is counted once and a line covered by
    /// any file is covered (a copy of a file changes nothing). Files parse on every core and merge in the order given.
    /// </summary>
    /// <exception cref="Errors.QualityGatesException">A file is missing, empty, malformed or not Cobertura.</exception>
    public CoverageSummary ReadAll(IEnumerable<string> paths) => ReadAll(paths, CoverageFilter.None);

    /// <summary>Reads and merges several files, counting only what <paramref name="filter"/> keeps (the rest is reported in <see cref="CoverageSummary.Excluded"/>).</summary>
    /// <exception cref="Errors.QualityGatesException">A file is missing, empty, malformed or not Cobertura.</exception>
    public CoverageSummary ReadAll(IEnumerable<string> paths, CoverageFilter filter) => ReadAll(paths, filter, read: null);

    /// <summary>As <see cref="ReadAll(IEnumerable{string}, CoverageFilter)"/>, adding each file's own line figures (before merging and filtering) to <paramref name="read"/>.</summary>
    internal CoverageSummary ReadAll(IEnumerable<string> paths, CoverageFilter filter, List<InputFileRead>? read) =>
        Accumulate(paths, read).ToSummary(filter);

    /// <summary>Reads and merges the files, for figures beyond the summary (new-code coverage reads single lines).</summary>
    internal CoverageAccumulator Accumulate(IEnumerable<string> paths, List<InputFileRead>? read)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.ToList();
        foreach (var path in files)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
        }

        // Files parse side by side; they merge in the order given, so the figures never depend on timing.
        var accumulator = new CoverageAccumulator();
        OrderedParallel.ForEach(
            files.Count,
            i => CoberturaFileParser.Parse(files[i]),
            (i, report) =>
            {
                if (read is not null)
                {
                    var totals = report.Totals();
                    read.Add(new InputFileRead(Path.GetFullPath(files[i]), "Cobertura", InputFileRead.Lines(totals.LinesCovered, totals.LinesValid)));
                }

                accumulator.Add(report);
            });

        return accumulator;
    }
}
