using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// Parses JSON input files with coded errors that name the file and line. Every JSON input (scans,
/// metrics, gate reports) is read here, and before a value is used the whole file is checked for
/// what <see cref="JsonDocument"/> lets through (issue 16): a key given twice in one object
/// (<see cref="ErrorCodes.DuplicateJsonKey"/>: "critical": 5 then "critical": 0 must not count as 0),
/// and strings that are not text — invalid UTF-8 or a lone surrogate escape such as <c>"\ud800"</c>
/// (<see cref="ErrorCodes.MalformedJson"/>), which would otherwise throw when a reader first asks for the value.
/// </summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Reads, checks and parses a whole JSON file.</summary>
    public static JsonDocument Parse(string path) => Parse(path, out _);

    /// <summary>Reads, checks and parses a whole JSON file; <paramref name="bytes"/> is the file's content (for finding lines later without reading it again).</summary>
    public static JsonDocument Parse(string path, out ReadOnlyMemory<byte> bytes)
    {
        bytes = ReadBytes(path);
        Check(path, bytes.Span, syntaxErrors: true);
        try
        {
            // Parsing over memory we own copies nothing: the document's peak is the file plus its index.
            return JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            throw Malformed(path, ex);
        }
    }

    /// <summary>
    /// Checks <paramref name="utf8Json"/> for duplicate keys and strings that are not text; throws
    /// <see cref="FormatException"/> with the problem. Used for registry lines, where a bad line is a
    /// warning rather than an error; a syntax error is left to the parse that follows, which says it better.
    /// </summary>
    public static void CheckLine(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            Check("line", utf8Json, syntaxErrors: false);
        }
        catch (QualityGatesException ex)
        {
            var problem = ex.Message[(ex.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new FormatException((ex.Code == ErrorCodes.DuplicateJsonKey ? "is ambiguous: " : "is not valid JSON: ") + problem.TrimEnd('.'), ex);
        }
    }

    // The exact length is known, so the file is read into one array of that size (no doubling
    // buffer); a file that grows while it is read is read to its end all the same.
    private static ReadOnlyMemory<byte> ReadBytes(string path)
    {
        using var stream = InputFile.OpenRead(path);
        var buffer = new byte[stream.Length];
        var length = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var more = stream.ReadByte();
                    if (more < 0)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                    buffer[length++] = (byte)more;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGatesException(ErrorCodes.InputFileUnreadable, $"Input file '{path}' cannot be read: {ex.Message}", path, inner: ex);
        }

        return buffer.AsMemory(0, length);
    }

    private static void Check(string path, ReadOnlySpan<byte> utf8Json, bool syntaxErrors)
    {
        var json = utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json;
        var offset = utf8Json.Length - json.Length;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var keys = new Stack<HashSet<string>>();
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader, path, utf8Json, offset, ref chars, "key");
                        if (!keys.Peek().Add(name))
                        {
                            var line = LineAt(utf8Json, offset + reader.TokenStartIndex);
                            throw new QualityGatesException(ErrorCodes.DuplicateJsonKey,
                                $"'{path}' line {line}: the key \"{name}\" appears twice in one object; which value counts would be a guess.", path, line);
                        }

                        break;
                    case JsonTokenType.String:
                        Text(ref reader, path, utf8Json, offset, ref chars, "string");
                        break;
                }
            }
        }
        catch (JsonException ex) when (syntaxErrors)
        {
            throw Malformed(path, ex);
        }
        catch (JsonException)
        {
            // Left to the caller's parse.
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Decodes a key or string value as a reader would, so one that is not text fails here, with its line.
    private static string Text(ref Utf8JsonReader reader, string path, ReadOnlySpan<byte> utf8Json, int offset, ref char[] chars, string what)
    {
        var isKey = reader.TokenType == JsonTokenType.PropertyName;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw NotText(path, utf8Json, offset + reader.TokenStartIndex, what, "is not valid UTF-8");
            }

            return isKey ? reader.GetString()! : string.Empty;
        }

        try
        {
            if (isKey)
            {
                return reader.GetString()!;
            }

            if (chars.Length < reader.ValueSpan.Length)
            {
                ArrayPool<char>.Shared.Return(chars);
                chars = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
            }

            reader.CopyString(chars);
            return string.Empty;
        }
        catch (InvalidOperationException ex)
        {
            throw NotText(path, utf8Json, offset + reader.TokenStartIndex, what, "is not valid text (" + ex.Message.TrimEnd('.') + ")");
        }
    }

    private static QualityGatesException NotText(string path, ReadOnlySpan<byte> utf8Json, long at, string what, string problem)
    {
        var line = LineAt(utf8Json, at);
        return new QualityGatesException(ErrorCodes.MalformedJson, $"'{path}' is not valid JSON (line {line}): a {what} {problem}.", path, line);
    }

    private static QualityGatesException Malformed(string path, JsonException ex)
    {
        // LineNumber is 0-based in System.Text.Json.
        var line = (int)(ex.LineNumber ?? -1) + 1;
        return new QualityGatesException(ErrorCodes.MalformedJson,
            $"'{path}' is not valid JSON (line {line}): {FirstSentence(ex.Message)}", path, line, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
    }

    private static int LineAt(ReadOnlySpan<byte> json, long byteOffset) =>
        json[..(int)Math.Min(byteOffset, json.Length)].Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: ..." and " LineNumber: n | BytePositionInLine: n." with a
        // 0-based line that would contradict the 1-based line already in our message.
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }
}
