using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// The check every JSON input passes before a value is used (hostile input: duplicate keys, invalid text), made in one streaming pass
/// (<see cref="JsonFileReader"/>) by <see cref="JsonInputFile.Open(string)"/>: syntax
/// (<see cref="ErrorCodes.MalformedJson"/> with its line), a key given twice in one object
/// (<see cref="ErrorCodes.DuplicateJsonKey"/>: "critical": 5 then "critical": 0 must not count as 0),
/// and strings that are not text — invalid UTF-8 or a lone surrogate escape such as <c>"\ud800"</c>
/// (<see cref="ErrorCodes.MalformedJson"/>), which would otherwise throw when a reader first asks for the value.
/// </summary>
internal static class JsonInput
{
    /// <summary>
    /// Checks the whole of <paramref name="source"/> (a pass that holds one buffer, not the file):
    /// syntax (<see cref="ErrorCodes.MalformedJson"/> with its line), duplicate keys and strings that are not text.
    /// Returns where each value of a top-level object starts (null for any other top level), so a large
    /// file's top level needs no pass of its own.
    /// </summary>
    internal static Dictionary<string, (long Offset, bool IsNull)>? Check(string path, JsonFileReader source)
    {
        var topLevel = new Dictionary<string, (long Offset, bool IsNull)>(StringComparer.Ordinal);
        return Check(path, source, syntaxErrors: true, topLevel) ? topLevel : null;
    }

    /// <summary>
    /// Checks <paramref name="utf8Json"/> for duplicate keys and strings that are not text; throws
    /// <see cref="FormatException"/> with the problem. Used for registry lines, where a bad line is a
    /// warning rather than an error; a syntax error is left to the parse that follows, which says it better.
    /// </summary>
    public static void CheckLine(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            Check("line", JsonFileReader.Over(utf8Json), syntaxErrors: false, topLevel: null);
        }
        catch (QualityGatesException ex)
        {
            var problem = ex.Message[(ex.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new FormatException((ex.Code == ErrorCodes.DuplicateJsonKey ? "is ambiguous: " : "is not valid JSON: ") + problem.TrimEnd('.'), ex);
        }
    }

    // True when the top level is an object, whose values' offsets are then in topLevel.
    private static bool Check(string path, JsonFileReader source, bool syntaxErrors, Dictionary<string, (long Offset, bool IsNull)>? topLevel)
    {
        string? topLevelKey = null;
        var isObject = false;
        // One key set per open object, reused level by level: an array of a million findings makes no garbage here.
        var keys = new List<HashSet<string>>();
        var depth = 0;
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            while (true)
            {
                var reader = source.Window();
                while (reader.Read())
                {
                    if (topLevelKey is not null)
                    {
                        topLevel![topLevelKey] = (source.OffsetInWindow(reader.TokenStartIndex), reader.TokenType == JsonTokenType.Null);
                        topLevelKey = null;
                    }

                    isObject |= reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartObject;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            if (depth == keys.Count)
                            {
                                keys.Add(new HashSet<string>(StringComparer.Ordinal));
                            }

                            keys[depth++].Clear();
                            break;
                        case JsonTokenType.EndObject:
                            depth--;
                            break;
                        case JsonTokenType.PropertyName:
                            var name = Text(ref reader, path, source, ref chars, "key");
                            if (!keys[depth - 1].Add(name))
                            {
                                var line = source.LineInWindow(reader.TokenStartIndex);
                                throw new QualityGatesException(ErrorCodes.DuplicateJsonKey,
                                    $"'{path}' line {line}: the key \"{name}\" appears twice in one object; which value counts would be a guess.", path, line);
                            }

                            topLevelKey = topLevel is not null && reader.CurrentDepth == 1 ? name : null;
                            break;
                        case JsonTokenType.String:
                            Text(ref reader, path, source, ref chars, "string");
                            break;
                    }
                }

                if (!source.Continue(ref reader))
                {
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

        return isObject;
    }

    // Decodes a key or string value as a reader would, so one that is not text fails here, with its line.
    private static string Text(ref Utf8JsonReader reader, string path, JsonFileReader source, ref char[] chars, string what)
    {
        var isKey = reader.TokenType == JsonTokenType.PropertyName;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw NotText(path, source.LineInWindow(reader.TokenStartIndex), what, "is not valid UTF-8");
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
            throw NotText(path, source.LineInWindow(reader.TokenStartIndex), what, "is not valid text (" + ex.Message.TrimEnd('.') + ")");
        }
    }

    private static QualityGatesException NotText(string path, int line, string what, string problem) =>
        new(ErrorCodes.MalformedJson, $"'{path}' is not valid JSON (line {line}): a {what} {problem}.", path, line);

    internal static QualityGatesException Malformed(string path, JsonException ex)
    {
        // LineNumber is 0-based in System.Text.Json.
        var line = (int)(ex.LineNumber ?? -1) + 1;
        return new QualityGatesException(ErrorCodes.MalformedJson,
            $"'{path}' is not valid JSON (line {line}): {FirstSentence(ex.Message)}", path, line, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
    }

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
