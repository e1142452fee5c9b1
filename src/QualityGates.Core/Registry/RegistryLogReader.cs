using System.Text;
using System.Text.Json;

namespace QualityGates.Registry;

/// <summary>
/// Splits a registry file into records. A line that is not a whole record is reported with its line
/// number and skipped, never taking its neighbours with it: when a crashed writer left half a line and
/// the next append ran on behind it, the complete record at the end of that line is still read.
/// </summary>
internal static class RegistryLogReader
{
    private static readonly byte[] RecordStart = Encoding.UTF8.GetBytes(RegistryRecordJson.LinePrefix);

    public static (List<RegistryRecord> Records, List<RegistryWarning> Warnings) Read(byte[] content, string file) => Read(content, file, null, out _);

    /// <summary>
    /// Reads the whole file <paramref name="content"/>, going on from <paramref name="before"/> (an earlier
    /// read of it) when the file still starts with what was read then: the registry is append-only, so only
    /// the lines added since are parsed. <paramref name="after"/> is the state to go on from next time.
    /// </summary>
    public static (List<RegistryRecord> Records, List<RegistryWarning> Warnings) Read(byte[] content, string file, ReadState? before, out ReadState after)
    {
        var resume = before?.Content is { } seen && before.Offset <= content.Length && content.AsSpan(0, before.Offset).SequenceEqual(seen.AsSpan(0, before.Offset));
        return resume
            ? Read(content, before!.Offset, 0, file, before, out after, content)
            : Read(content, HasByteOrderMark(content) ? 3 : 0, 0, file, null, out after, content);
    }

    /// <summary>
    /// Goes on from <paramref name="before"/> with <paramref name="bytes"/>, the file from the start of the
    /// last line read then (<see cref="ReadState.LastLineStart"/>) on; null when that line is no longer there
    /// (the file was edited, not appended to). Only the lines after it are parsed.
    /// </summary>
    public static (List<RegistryRecord> Records, List<RegistryWarning> Warnings)? ReadOn(byte[] bytes, string file, ReadState before, out ReadState? after)
    {
        if (!bytes.AsSpan().StartsWith(before.LastLine))
        {
            after = null;
            return null;
        }

        var read = Read(bytes, before.LastLine.Length, before.LastLineStart, file, before, out var next, null);
        after = next;
        return read;
    }

    /// <summary>Parses <paramref name="bytes"/> (byte <paramref name="origin"/> of the file on) from index <paramref name="start"/>, after what <paramref name="before"/> read.</summary>
    private static (List<RegistryRecord> Records, List<RegistryWarning> Warnings) Read(
        byte[] bytes, int start, long origin, string file, ReadState? before, out ReadState after, byte[]? content)
    {
        var records = before is null ? [] : new List<RegistryRecord>(before.Records);
        var warnings = before is null ? [] : new List<RegistryWarning>(before.Warnings);
        var seen = before is null ? new Dictionary<string, int>(StringComparer.Ordinal) : new Dictionary<string, int>(before.Seen, StringComparer.Ordinal);
        var lineNumber = before?.Lines ?? 0;
        var lastLine = (Start: before?.LastLineStart ?? 0L, Bytes: before?.LastLine ?? []);
        ReadState? incomplete = null;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var complete = end >= 0;
            if (!complete)
            {
                // A last line without its line break may still be being written or be torn: read it, but never keep it.
                incomplete = State(content, origin + start, lineNumber, lastLine, records, warnings, new Dictionary<string, int>(seen, StringComparer.Ordinal));
            }
            else
            {
                lastLine = (origin + start, bytes[start..(end + 1)]);
            }

            lineNumber++;
            var line = new ReadOnlyMemory<byte>(bytes, start, (complete ? end : bytes.Length) - start);
            start = complete ? end + 1 : bytes.Length;
            if (line.Length > 0 && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1]; // a hand edit on Windows
            }

            if (line.Span.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            var record = ReadLine(line, file, lineNumber, complete, warnings);
            if (record is null)
            {
                continue;
            }

            if (seen.TryGetValue(record.Id, out var first))
            {
                warnings.Add(new RegistryWarning(file, lineNumber, $"The line repeats the record of line {first} (id {record.Id}); the copy is skipped."));
                continue;
            }

            seen.Add(record.Id, lineNumber);
            records.Add(record);
        }

        after = incomplete ?? State(content, origin + bytes.Length, lineNumber, lastLine, records, warnings, seen);
        return (records, warnings);
    }

    private static ReadState State(byte[]? content, long offset, int lines, (long Start, byte[] Bytes) lastLine, List<RegistryRecord> records, List<RegistryWarning> warnings, Dictionary<string, int> seen) =>
        new(content, (int)offset, lines, lastLine.Start, lastLine.Bytes, [.. records], [.. warnings], seen);

    /// <summary>
    /// How far a read of a registry file got: the end of its last complete line (<see cref="Offset"/>), that
    /// line's number, where it starts and its bytes (a unique record id: it shows the file was only appended
    /// to since), what was read up to there, and the file's content when it was read whole.
    /// </summary>
    internal sealed record ReadState(byte[]? Content, int Offset, int Lines, long LastLineStart, byte[] LastLine,
        IReadOnlyList<RegistryRecord> Records, IReadOnlyList<RegistryWarning> Warnings, IReadOnlyDictionary<string, int> Seen);

    private static RegistryRecord? ReadLine(ReadOnlyMemory<byte> line, string file, int lineNumber, bool complete, List<RegistryWarning> warnings)
    {
        var problem = TryParse(line, file, lineNumber, out var record);
        if (record is not null)
        {
            return record;
        }

        // A torn line followed on the same line by a complete record: keep the record, report the debris.
        var resync = line.Span[1..].LastIndexOf(RecordStart) is var at and >= 0 ? at + 1 : -1;
        if (resync > 0 && TryParse(line[resync..], file, lineNumber, out var tail) is null && tail is not null)
        {
            warnings.Add(new RegistryWarning(file, lineNumber, $"The line starts with {resync} bytes of a torn record, skipped; the complete record after them is kept."));
            return tail;
        }

        var what = complete ? problem : problem + " (the last line has no line break: a write was cut off)";
        warnings.Add(new RegistryWarning(file, lineNumber, $"The line is not a valid registry record and is skipped: it {what}."));
        return null;
    }

    /// <summary>Parses one record; null and the record, or what is wrong with it.</summary>
    internal static string? TryParse(ReadOnlyMemory<byte> line, string file, int lineNumber, out RegistryRecord? record)
    {
        try
        {
            record = RegistryRecordParser.Parse(line, file, lineNumber);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            // InvalidOperationException: System.Text.Json reports invalid UTF-8 inside a string only when it is read.
            record = null;
            return ex is FormatException ? ex.Message : "is not valid JSON text: " + ex.Message;
        }
    }

    private static bool HasByteOrderMark(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;
}
