using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Reads Cobertura XML from coverlet.msbuild, coverlet.collector, Microsoft Code Coverage and other
/// producers into one <see cref="CoverageSummary"/>, streaming, with memory that does not grow with the
/// size of the files. See docs/coverage.md for the counting and merge rules.
/// </summary>
internal sealed class CoberturaReader
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

    /// <summary>
    /// Reads and merges the files, for figures beyond the summary (new-code coverage reads single lines).
    /// A path given twice is read once; a file with the same bytes as an earlier one (SHA-256; VSTest copies
    /// each attachment into <c>In/&lt;machine&gt;/</c> beside a TRX logger, an artifact downloaded twice) is
    /// a row with <see cref="InputFileRead.SameAs"/> set and merges nothing, as TRX copies do.
    /// </summary>
    internal CoverageAccumulator Accumulate(IEnumerable<string> paths, List<InputFileRead>? read)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
            if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(path);
            }
        }

        // Files parse side by side; they merge in the order given, so the figures never depend on timing.
        var accumulator = new CoverageAccumulator();
        var firstWithBytes = new Dictionary<string, string>(StringComparer.Ordinal);
        OrderedParallel.ForEach(
            files.Count,
            i => (Report: CoberturaFileParser.Parse(files[i]), Hash: files.Count > 1 ? ContentHash(files[i]) : string.Empty),
            (i, file) =>
            {
                var full = Path.GetFullPath(files[i]);
                if (!firstWithBytes.TryAdd(file.Hash, full))
                {
                    read?.Add(new InputFileRead(full, "Cobertura", InputFileRead.CoverageCopyContribution, firstWithBytes[file.Hash]));
                    return;
                }

                if (read is not null)
                {
                    var totals = file.Report.Totals();
                    read.Add(new InputFileRead(full, "Cobertura", InputFileRead.Lines(totals.LinesCovered, totals.LinesValid)));
                }

                accumulator.Add(file.Report);
            });

        return accumulator;
    }

    private static string ContentHash(string path)
    {
        using var stream = InputFile.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
