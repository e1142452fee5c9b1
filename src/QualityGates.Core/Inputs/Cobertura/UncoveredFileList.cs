using QualityGates.Metrics;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Keeps the <see cref="UncoveredFile.MaxFiles"/> files with the most uncovered lines while the merged
/// files are added up, so the list costs a bounded heap however many files a run has; the line ranges
/// are written only for the files kept.
/// </summary>
internal sealed class UncoveredFileList
{
    private readonly PriorityQueue<(string Package, string Path, CoverageTotals Totals, LineTally Tally), (long Uncovered, string Path)> _worst =
        new(Comparer<(long Uncovered, string Path)>.Create((a, b) => a.Uncovered != b.Uncovered
            ? a.Uncovered.CompareTo(b.Uncovered)
            : string.CompareOrdinal(b.Path, a.Path)));

    public void Offer(string package, string path, CoverageTotals totals, LineTally tally)
    {
        var uncovered = totals.LinesValid - totals.LinesCovered;
        if (uncovered <= 0)
        {
            return;
        }

        if (_worst.Count < UncoveredFile.MaxFiles)
        {
            _worst.Enqueue((package, path, totals, tally), (uncovered, path));
        }
        else
        {
            _worst.EnqueueDequeue((package, path, totals, tally), (uncovered, path));
        }
    }

    /// <summary>The kept files, most uncovered lines first (then by path).</summary>
    public IReadOnlyList<UncoveredFile> Worst()
    {
        var files = new List<UncoveredFile>(_worst.Count);
        while (_worst.TryDequeue(out var file, out _))
        {
            files.Add(new UncoveredFile(file.Package, file.Path, file.Totals.LinesCovered, file.Totals.LinesValid,
                file.Tally.UncoveredRanges(UncoveredFile.MaxRanges)));
        }

        files.Reverse();
        return files;
    }
}
