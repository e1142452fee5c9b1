namespace QualityGates.Registry;

/// <summary>
/// Reads one registry file as it grows. It remembers how far it has read: the end of the last complete
/// line, and that line itself, whose unique record id shows later that the file was only appended to
/// since. So each read parses only the lines appended since the last one, which lets a checked append
/// hold the file's exclusive lock for the new lines, not for the whole file. A last line without its
/// line break is read but never remembered: it may still be being written, or be torn. Not thread-safe:
/// <see cref="RegistryLog"/> serialises its use, and a view it returns is valid until the next read.
/// </summary>
internal sealed class RegistryFileCursor(string file)
{
    private readonly List<RegistryRecord> _records = [];
    private readonly List<RegistryWarning> _warnings = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private byte[]? _content;
    private long _end;
    private int _lines;
    private long _lastLineStart;
    private byte[] _lastLine = [];

    /// <summary>Where <see cref="ReadOn"/> wants the file's bytes to start: the last complete line read (0 when there is none).</summary>
    public long ResumeAt => _lastLine.Length == 0 ? 0 : _lastLineStart;

    /// <summary>The file's records and warnings from its whole <paramref name="content"/>, going on from the last read when the file still starts with what was read then.</summary>
    public View ReadWhole(byte[] content)
    {
        if (!(_content is { } seen && _end <= content.Length && content.AsSpan(0, (int)_end).SequenceEqual(seen.AsSpan(0, (int)_end))))
        {
            Reset();
        }

        var view = Advance(content, _end > 0 ? (int)_end : RegistryLogReader.HasByteOrderMark(content) ? 3 : 0, 0);
        _content = content;
        return view;
    }

    /// <summary>
    /// The file's records and warnings, given <paramref name="bytes"/>: the file from byte <paramref name="from"/>
    /// (<see cref="ResumeAt"/>) on. Null when the last line read is not there any more: the file was edited,
    /// not appended to, and must be read whole.
    /// </summary>
    public View? ReadOn(long from, byte[] bytes)
    {
        if (from == 0 || from != ResumeAt || !bytes.AsSpan().StartsWith(_lastLine))
        {
            return null;
        }

        // Only the file's end was read: a later whole read cannot check what came before it, so starts over.
        _content = null;
        return Advance(bytes, _lastLine.Length, from);
    }

    /// <summary>
    /// The records so far that <paramref name="keep"/> takes, and those of the lines in <paramref name="bytes"/>
    /// (the file from byte <paramref name="from"/>, <see cref="ResumeAt"/>, on) that <paramref name="mayConcern"/>
    /// lets through and <paramref name="keep"/> takes, without reading on: the cheap look a checked append
    /// takes under the exclusive lock, leaving the full read of the new lines for after it. Null when the file
    /// was edited since, not appended to.
    /// </summary>
    public List<RegistryRecord>? Peek(long from, byte[] bytes, Func<ReadOnlyMemory<byte>, bool> mayConcern, Func<RegistryRecord, bool> keep)
    {
        if (from == 0 || from != ResumeAt || !bytes.AsSpan().StartsWith(_lastLine))
        {
            return null;
        }

        var kept = _records.Where(keep).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var start = _lastLine.Length;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var line = new ReadOnlyMemory<byte>(bytes, start, (end >= 0 ? end : bytes.Length) - start);
            start = end >= 0 ? end + 1 : bytes.Length;
            if (line.Length > 0 && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (mayConcern(line) && RegistryLogReader.ReadLine(line, file, 0, end >= 0, []) is { } record
                && !_seen.ContainsKey(record.Id) && ids.Add(record.Id) && keep(record))
            {
                kept.Add(record);
            }
        }

        return kept;
    }

    private void Reset()
    {
        _records.Clear();
        _warnings.Clear();
        _seen.Clear();
        (_end, _lines, _lastLineStart, _lastLine) = (0, 0, 0, []);
    }

    /// <summary>Reads <paramref name="bytes"/> (byte <paramref name="origin"/> of the file on) from index <paramref name="start"/>.</summary>
    private View Advance(byte[] bytes, int start, long origin)
    {
        List<RegistryRecord>? pendingRecords = null;
        List<RegistryWarning>? pendingWarnings = null;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var complete = end >= 0;
            var lineNumber = _lines + 1;
            var line = new ReadOnlyMemory<byte>(bytes, start, (complete ? end : bytes.Length) - start);
            if (complete)
            {
                (_lines, _lastLineStart, _lastLine, _end) = (lineNumber, origin + start, bytes[start..(end + 1)], origin + end + 1);
            }

            start = complete ? end + 1 : bytes.Length;
            var warnings = complete ? _warnings : pendingWarnings = [];
            if (line.Length > 0 && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1]; // a hand edit on Windows
            }

            if (line.Span.Trim((byte)' ').IsEmpty || RegistryLogReader.ReadLine(line, file, lineNumber, complete, warnings) is not { } record)
            {
                continue;
            }

            if (_seen.TryGetValue(record.Id, out var first))
            {
                warnings.Add(new RegistryWarning(file, lineNumber, $"The line repeats the record of line {first} (id {record.Id}); the copy is skipped."));
            }
            else if (complete)
            {
                _seen.Add(record.Id, lineNumber);
                _records.Add(record);
            }
            else
            {
                pendingRecords = [record];
            }
        }

        return new View(
            pendingRecords is null ? _records : [.. _records, .. pendingRecords],
            pendingWarnings is null ? _warnings : [.. _warnings, .. pendingWarnings]);
    }

    /// <summary>The records and warnings of a read; valid until the cursor reads again.</summary>
    public readonly record struct View(IReadOnlyList<RegistryRecord> Records, IReadOnlyList<RegistryWarning> Warnings);
}
