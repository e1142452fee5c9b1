using System.Runtime.InteropServices;

namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// Coverage of one source file within one package: two bits per line, an append-only list of the few
/// entries bits cannot hold (branch counts, repeated lines), and a per-line dictionary only once two
/// reports of the same file are merged.
/// </summary>
/// <remarks>
/// Within one report every class's entry of a line counts, as the producer counts it (Microsoft Code Coverage
/// lists a line once for the method and once more for a lambda's closure class on it). Within one class, a
/// line listed again is the same line: gcovr 8 writes one entry per function that holds the line (each
/// template instance, each inlined copy; gcovr's merge and <c>--merge-lines</c> make them one), so the entries
/// of one line in one class are one entry, covered if any of them is, with the larger branch figures. Across reports
/// the same line merges by the larger figure (<see cref="MergeFrom"/>), so a line that two runs report
/// is counted once, and is covered if either run covered it.
/// Before a merge, the bits hold each line's first entry and <see cref="_entries"/> the rest. After
/// one, a line's figures are those in <see cref="_merged"/>, raised to its bits where those say more
/// (a merge may bring a covered bit without a count); a line not in the dictionary has its bits only.
/// </remarks>
internal sealed class LineTally
{
    /// <summary>Lines above this never get bits: a stray huge line number must not allocate megabytes.</summary>
    internal const int MaxBitLine = 1 << 24;

    private readonly LineBits _valid = new();
    private readonly LineBits _covered = new();
    private LineEntry[] _entries = Array.Empty<LineEntry>();
    private int _entryCount;
    private Dictionary<int, LineCounts>? _merged;

    // The class being read: the lines it listed, those whose bits it set, where its entries start, and (once a
    // line repeats in it) which entry holds each of its lines.
    private LineBits? _classLines;
    private LineBits? _classBits;
    private int _classStart;
    private Dictionary<int, int>? _classEntries;

    /// <summary>Starts a class (a <c>&lt;class&gt;</c> of the report being read) whose lines follow.</summary>
    public void BeginClass()
    {
        _classLines?.Clear();
        _classBits?.Clear();
        _classStart = _entryCount;
        _classEntries = null;
    }

    /// <summary>Adds one class-level entry of the report being read.</summary>
    public void Record(int line, bool covered, int branchesCovered, int branchesValid)
    {
        if (line < MaxBitLine)
        {
            _classLines ??= new LineBits();
            if (_classLines.Get(line))
            {
                RecordAgain(line, covered, branchesCovered, branchesValid);
                return;
            }

            _classLines.Set(line);
        }
        else if (ClassEntryOf(line) >= 0)
        {
            RecordAgain(line, covered, branchesCovered, branchesValid);
            return;
        }

        if (line < MaxBitLine && !_valid.Get(line))
        {
            _valid.Set(line);
            (_classBits ??= new LineBits()).Set(line);
            if (covered)
            {
                _covered.Set(line);
            }

            if (branchesValid > 0)
            {
                Append(new LineEntry(line, IsExtraEntry: false, ExtraEntryCovered: false, branchesCovered, branchesValid));
            }

            return;
        }

        Append(new LineEntry(line, IsExtraEntry: true, covered, branchesCovered, branchesValid));
    }

    /// <summary>A line the current class listed before: folded into that entry (covered if either is, the larger branch figures).</summary>
    private void RecordAgain(int line, bool covered, int branchesCovered, int branchesValid)
    {
        var index = ClassEntryOf(line);
        if (_classBits?.Get(line) == true)
        {
            // This class's first entry of the line is in the bits (and, with branches, a branch entry).
            if (covered)
            {
                _covered.Set(line);
            }

            if (index < 0)
            {
                if (branchesValid > 0)
                {
                    Append(new LineEntry(line, IsExtraEntry: false, ExtraEntryCovered: false, branchesCovered, branchesValid));
                }

                return;
            }
        }

        var entry = _entries[index];
        _entries[index] = entry with
        {
            ExtraEntryCovered = entry.ExtraEntryCovered || (entry.IsExtraEntry && covered),
            BranchesCovered = Math.Max(entry.BranchesCovered, branchesCovered),
            BranchesValid = Math.Max(entry.BranchesValid, branchesValid),
        };
    }

    /// <summary>The index of the current class's entry of <paramref name="line"/>, or -1 when it has none.</summary>
    private int ClassEntryOf(int line)
    {
        if (_classEntries is null)
        {
            _classEntries = new Dictionary<int, int>();
            for (var i = _classStart; i < _entryCount; i++)
            {
                _classEntries[_entries[i].Line] = i;
            }
        }

        return _classEntries.TryGetValue(line, out var index) ? index : -1;
    }

    /// <summary>Merges another report's tally of the same file: per line, the larger of each figure.</summary>
    public void MergeFrom(LineTally other)
    {
        var merged = EnsureMerged();
        foreach (var (line, theirs) in other.PerLineCounts())
        {
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(merged, line, out var exists);
            if (!exists)
            {
                counts = FromBits(line);
            }

            counts = LineCounts.Max(counts, theirs);
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
        if (_merged is null)
        {
            for (var i = 0; i < _entryCount; i++)
            {
                var entry = _entries[i];
                linesValid += entry.IsExtraEntry ? 1 : 0;
                linesCovered += entry.ExtraEntryCovered ? 1 : 0;
                branchesCovered += entry.BranchesCovered;
                branchesValid += entry.BranchesValid;
            }
        }
        else
        {
            foreach (var (line, counts) in _merged)
            {
                // The bits already count one entry (and one covered entry) where they are set.
                var validBit = line < MaxBitLine && _valid.Get(line) ? 1 : 0;
                var coveredBit = line < MaxBitLine && _covered.Get(line) ? 1 : 0;
                linesValid += Math.Max(counts.Entries, validBit) - validBit;
                linesCovered += Math.Max(counts.CoveredEntries, coveredBit) - coveredBit;
                branchesCovered += counts.BranchesCovered;
                branchesValid += counts.BranchesValid;
            }
        }

        return new CoverageTotals(linesCovered, linesValid, branchesCovered, branchesValid);
    }

    /// <summary>Whether any entry makes <paramref name="line"/> coverable, and whether any entry covered it.</summary>
    public (bool Valid, bool Covered) Status(int line)
    {
        var valid = line < MaxBitLine && _valid.Get(line);
        var covered = line < MaxBitLine && _covered.Get(line);
        if (_merged is not null)
        {
            if (_merged.TryGetValue(line, out var counts))
            {
                valid |= counts.Entries > 0;
                covered |= counts.CoveredEntries > 0;
            }

            return (valid, covered);
        }

        for (var i = 0; i < _entryCount; i++)
        {
            if (_entries[i].Line == line && _entries[i].IsExtraEntry)
            {
                valid = true;
                covered |= _entries[i].ExtraEntryCovered;
            }
        }

        return (valid, covered);
    }

    /// <summary>
    /// The lines no entry covered, as ranges ("3-5, 9"), at most <paramref name="maxRanges"/> of them and
    /// then "… and N more lines". Lines beyond <see cref="MaxBitLine"/> are not listed.
    /// </summary>
    public string UncoveredRanges(int maxRanges)
    {
        HashSet<int>? coveredElsewhere = null;
        if (_merged is not null)
        {
            coveredElsewhere = _merged.Where(p => p.Value.CoveredEntries > 0).Select(p => p.Key).ToHashSet();
        }
        else
        {
            for (var i = 0; i < _entryCount; i++)
            {
                if (_entries[i].ExtraEntryCovered)
                {
                    (coveredElsewhere ??= []).Add(_entries[i].Line);
                }
            }
        }

        var text = new System.Text.StringBuilder();
        var ranges = 0;
        var omitted = 0;
        int start = -1, end = -1;
        foreach (var line in _valid.Except(_covered))
        {
            if (coveredElsewhere?.Contains(line) == true)
            {
                continue;
            }

            if (line == end + 1 && start >= 0)
            {
                end = line;
                continue;
            }

            Flush();
            start = end = line;
        }

        Flush();
        return omitted == 0 ? text.ToString() : text.Append(System.Globalization.CultureInfo.InvariantCulture, $" … and {omitted} more lines").ToString();

        void Flush()
        {
            if (start < 0)
            {
                return;
            }

            if (ranges++ >= maxRanges)
            {
                omitted += end - start + 1;
                return;
            }

            text.Append(text.Length == 0 ? string.Empty : ", ").Append(start);
            if (end > start)
            {
                text.Append('-').Append(end);
            }
        }
    }

    private void Append(LineEntry entry)
    {
        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _entries.Length * 2));
        }

        _classEntries?.TryAdd(entry.Line, _entryCount);
        _entries[_entryCount++] = entry;
    }

    /// <summary>Switches to the per-line dictionary, folding in the entries of this tally's own report.</summary>
    private Dictionary<int, LineCounts> EnsureMerged()
    {
        if (_merged is null)
        {
            _merged = PerLineCounts();
            _entries = Array.Empty<LineEntry>();
            _entryCount = 0;
        }

        return _merged;
    }

    /// <summary>Per-line figures of every line that has more than its bits say.</summary>
    private Dictionary<int, LineCounts> PerLineCounts()
    {
        if (_merged is not null)
        {
            return _merged;
        }

        var counts = new Dictionary<int, LineCounts>();
        for (var i = 0; i < _entryCount; i++)
        {
            var entry = _entries[i];
            ref var line = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, entry.Line, out var exists);
            if (!exists)
            {
                line = FromBits(entry.Line);
            }

            line.Entries += entry.IsExtraEntry ? 1 : 0;
            line.CoveredEntries += entry.ExtraEntryCovered ? 1 : 0;
            line.BranchesCovered += entry.BranchesCovered;
            line.BranchesValid += entry.BranchesValid;
        }

        return counts;
    }

    private LineCounts FromBits(int line) => line < MaxBitLine
        ? new LineCounts { Entries = _valid.Get(line) ? 1 : 0, CoveredEntries = _covered.Get(line) ? 1 : 0 }
        : default;
}
