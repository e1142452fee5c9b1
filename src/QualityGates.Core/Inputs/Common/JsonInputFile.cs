using System.Text.Json;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A JSON input file, checked whole when opened (<see cref="JsonInput"/>: syntax, duplicate keys, strings
/// that are not text) and then read where the readers ask. Values up to
/// <see cref="JsonReadLimits.HoldLimit"/> bytes are held in memory; larger objects and arrays stay in the
/// file and are read again, element by element, when walked (<see cref="JsonFileNode"/>). So a 200 MB scan
/// costs a buffer and its largest finding, not 2.4× its size. Every cursor carries
/// its JSON path, so any value can be reported with the file and line.
/// </summary>
internal sealed class JsonInputFile : IDisposable
{
    private readonly FileStream stream;
    private readonly long length;
    private readonly Dictionary<string, IReadOnlyList<(long Offset, int Line)>> indexed = new(StringComparer.Ordinal);

    private JsonInputFile(string path, FileStream stream, JsonReadLimits limits)
    {
        Path = path;
        this.stream = stream;
        length = stream.Length;
        Limits = limits;
    }

    /// <summary>The file as given by the caller.</summary>
    public string Path { get; }

    /// <summary>The top-level value, at path <c>$</c>.</summary>
    public JsonCursor Root { get; private set; }

    internal JsonReadLimits Limits { get; }

    /// <summary>
    /// Opens and checks <paramref name="path"/>: QG1001/QG1002/QG1009/QG1015 as <see cref="InputFile.OpenRead"/>;
    /// malformed or truncated JSON and strings that are not text are <see cref="ErrorCodes.MalformedJson"/>,
    /// a key given twice <see cref="ErrorCodes.DuplicateJsonKey"/>, each with its line.
    /// </summary>
    public static JsonInputFile Open(string path) => Open(path, JsonReadLimits.Default);

    internal static JsonInputFile Open(string path, JsonReadLimits limits)
    {
        var file = new JsonInputFile(path, InputFile.OpenRead(path), limits);
        try
        {
            var topLevel = file.Read(0, reader => JsonInput.Check(path, reader));
            file.Root = file.Read(0, reader =>
            {
                reader.Read();
                return file.ValueAt(reader, JsonPath.Root, out _);
            });
            if (topLevel is not null)
            {
                file.Root.Node?.KnowProperties(topLevel);
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Bytes read from the file by every pass so far (the check, the walks, the line look-ups).</summary>
    internal long BytesRead { get; private set; }

    /// <summary>
    /// Finds, in one pass, where each element of the array at <paramref name="arrayPath"/> starts, so that
    /// <see cref="LineOf"/> a path inside one of them reads that element only. A reader that names the line
    /// of each of many elements (every waiver) calls this first, or each look-up would read the file from
    /// its start up to the element: quadratic in the number of elements.
    /// </summary>
    public void IndexItems(string arrayPath)
    {
        if (!indexed.ContainsKey(arrayPath))
        {
            indexed[arrayPath] = LineOfOrDefault(() => JsonLineLocator.ItemStarts(Reader(0), arrayPath), []);
        }
    }

    /// <summary>The 1-based line of <paramref name="jsonPath"/> in the file, or 0 when it cannot be found.</summary>
    public int LineOf(string jsonPath)
    {
        foreach (var (array, items) in indexed)
        {
            var close = jsonPath.Length > array.Length && jsonPath.StartsWith(array, StringComparison.Ordinal) && jsonPath[array.Length] == '['
                ? jsonPath.IndexOf(']', array.Length)
                : -1;
            if (close > 0 && int.TryParse(jsonPath.AsSpan(array.Length + 1, close - array.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < items.Count)
            {
                var (offset, line) = items[index];
                if (close == jsonPath.Length - 1)
                {
                    return line;
                }

                // A small first buffer: an entry is usually a few hundred bytes, and the reader grows for a larger one.
                var inside = LineOfOrDefault(() => JsonLineLocator.FindLine(Reader(offset, 512), JsonPath.Root + jsonPath[(close + 1)..]), 0);
                return inside == 0 ? line : line + inside - 1;
            }
        }

        return LineOfOrDefault(() => JsonLineLocator.FindLine(Reader(0), jsonPath), 0);
    }

    private static T LineOfOrDefault<T>(Func<T> find, T fallback)
    {
        try
        {
            return find();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }

    /// <summary>A coded error about the value at <paramref name="jsonPath"/>, with the file and line.</summary>
    public QualityGatesException Error(string code, string jsonPath, string message)
    {
        var line = LineOf(jsonPath);
        var where = line > 0 ? $"'{Path}' line {line}" : $"'{Path}'";
        return new QualityGatesException(code, $"{where}: {message}", Path, line);
    }

    public void Dispose() => stream.Dispose();

    /// <summary>The value the reader stands on: held when it fits the limit, else left in the file (<paramref name="leftInFile"/>, the reader still on its first token).</summary>
    internal JsonCursor ValueAt(JsonFileReader reader, string path, out bool leftInFile)
    {
        leftInFile = false;
        if (reader.TryReadWhole(Limits.HoldLimit) is { } element)
        {
            return new JsonCursor(this, element, path);
        }

        leftInFile = true;
        var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
        return new JsonCursor(this, new JsonFileNode(this, reader.TokenStart, kind), path);
    }

    /// <summary>Runs <paramref name="read"/> on a new reader at <paramref name="offset"/>, with the file's coded errors.</summary>
    internal T Read<T>(long offset, Func<JsonFileReader, T> read) => Read(Reader(offset), read);

    /// <summary>Runs <paramref name="read"/> on <paramref name="reader"/>; a read error or JSON that changed since the check is a coded error.</summary>
    internal T Read<T>(JsonFileReader reader, Func<JsonFileReader, T> read)
    {
        try
        {
            return read(reader);
        }
        catch (JsonException ex)
        {
            throw JsonInput.Malformed(Path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"Input file '{Path}' cannot be read: {ex.Message}", Path, inner: ex);
        }
    }

    private JsonFileReader Reader(long offset, int? bufferSize = null) =>
        JsonFileReader.Over(stream.SafeFileHandle, length, offset, bufferSize ?? Limits.BufferSize, read => BytesRead += read);
}

/// <summary>How much a <see cref="JsonInputFile"/> holds: its read buffer's first size and the largest object or array held whole (bytes).</summary>
internal sealed record JsonReadLimits(int BufferSize, long HoldLimit)
{
    /// <summary>64 KiB reads; objects and arrays up to 1 MiB held (a finding is a few KiB).</summary>
    public static readonly JsonReadLimits Default = new(64 * 1024, 1024 * 1024);
}
