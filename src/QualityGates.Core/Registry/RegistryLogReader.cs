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

    /// <summary>Every sound record of a whole file, and a warning for every line skipped.</summary>
    public static (List<RegistryRecord> Records, List<RegistryWarning> Warnings) Read(byte[] content, string file)
    {
        var view = new RegistryFileCursor(file).ReadWhole(content);
        return ([.. view.Records], [.. view.Warnings]);
    }

    internal static RegistryRecord? ReadLine(ReadOnlyMemory<byte> line, string file, int lineNumber, bool complete, List<RegistryWarning> warnings)
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

    internal static bool HasByteOrderMark(byte[] content) =>
        content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;
}
