using System.Text.Json;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>Parses JSON input files with coded errors that name the file and line.</summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Reads and parses a whole JSON file (scan and metrics files are small enough).</summary>
    public static JsonDocument Parse(string path)
    {
        using var stream = InputFile.OpenRead(path);
        try
        {
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException ex)
        {
            // LineNumber is 0-based in System.Text.Json.
            var line = (int)(ex.LineNumber ?? -1) + 1;
            throw new QualityGatesException(ErrorCodes.MalformedJson,
                $"'{path}' is not valid JSON (line {line}): {FirstSentence(ex.Message)}", path, line, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
        }
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
