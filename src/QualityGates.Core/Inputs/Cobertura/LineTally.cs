using System.Runtime.InteropServices;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Coverage of one source file (within one package): two bits per line for the common case, and a
/// small dictionary only for lines with branches or with several entries.
/// </summary>
/// <remarks>
/// Within one report every class-level entry counts, as the producer counts it (Microsoft Code Coverage
/// lists a line once for the method and once more for a lambda's closure class on it). Across reports
/// the same line merges by the larger figure (<see cref="MergeFrom"/>), so a line that two runs report
/// is counted once, and is covered if either run covered it.
/// Invariant: a line in <see cref="_extras"/> has its <see cref="_valid"/> bit set, and its
/// <see cref="_covered"/> bit set when any report covered it; its covered count is then the larger of
/// the dictionary's count and 1 (a merge may bring the bit without the count). Any other line has at
/// most one entry, which the bits describe.
/// </remarks>
internal sealed class LineTally
{
    /// <summary>Lines above this go to the dictionary: a stray huge line number must not allocate megabytes of bits.</summary>
    internal const int MaxBitLine = 1 << 24;

    private readonly LineBits _valid = new();
    private readonly LineBits _covered = new();
    private Dictionary<int, LineCounts>? _extras;

    /// <summary>Adds one class-level entry of the report being read.</summary>
    public void Record(int line, bool covered, int branchesCovered, int branchesValid)
    {
        var inBits = line < MaxBitLine;
        if (branchesValid == 0 && inBits && !_valid.Get(line))
        {
            _valid.Set(line);
            if (covered)
            {
                _covered.Set(line);
            }

            return;
        }

        _extras ??= new Dictionary<int, LineCounts>();
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_extras, line, out var exists);
        if (!exists && inBits)
        {
            // The line may already have one plain entry, held only in the bits.
            counts.Entries = _valid.Get(line) ? 1 : 0;
            counts.CoveredEntries = _covered.Get(line) ? 1 : 0;
        }

        counts.Entries++;
        counts.BranchesCovered += branchesCovered;
        counts.BranchesValid += branchesValid;
        if (covered)
        {
            counts.CoveredEntries++;
        }

        if (inBits)
        {
            _valid.Set(line);
            if (covered)
            {
                _covered.Set(line);
            }
        }
    }

    /// <summary>Merges another report's tally of the same file: per line, the larger of each figure.</summary>
    public void MergeFrom(LineTally other)
    {
        if (other._extras is not null)
        {
            _extras ??= new Dictionary<int, LineCounts>();
            foreach (var (line, theirs) in other._extras)
            {
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_extras, line, out var exists);
                if (!exists && line < MaxBitLine)
                {
                    counts.Entries = _valid.Get(line) ? 1 : 0;
                    counts.CoveredEntries = _covered.Get(line) ? 1 : 0;
                }

                counts = LineCounts.Max(counts, theirs);
            }
        }

        _valid.Or(other._valid);
        _covered.Or(other._covered);
    }

    public CoverageTotals Totals()
    {
        var linesValid = _valid.Count();
        var linesCovered = _covered.Count();
        long branchesCovered = 0;
        long branchesValid = 0;
        if (_extras is not null)
        {
            foreach (var (line, counts) in _extras)
            {
                // The bits already count one entry (and one covered entry) of lines that have bits.
                var counted = line < MaxBitLine ? 1 : 0;
                linesValid += counts.Entries - counted;
                linesCovered += counts.CoveredEntries - (counts.CoveredEntries > 0 ? counted : 0);
                branchesCovered += counts.BranchesCovered;
                branchesValid += counts.BranchesValid;
            }
        }

        return new CoverageTotals(linesCovered, linesValid, branchesCovered, branchesValid);
    }
}
