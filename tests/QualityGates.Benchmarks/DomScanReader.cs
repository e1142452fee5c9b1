using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace QualityGates.Benchmarks;

/// <summary>
/// The way every JSON input was read before the readers streamed, kept here as the reference the streaming
/// reader is measured against: the whole file in one array of its length, a check pass over it (duplicate
/// keys, strings decoded), then a <see cref="JsonDocument"/> over the array, walked for the findings of
/// the generated scans (<see cref="LargeScanWriter"/>) with the same de-duplication by identity.
/// </summary>
internal static class DomScanReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>The number of distinct findings in <paramref name="path"/>.</summary>
    public static int CountFindings(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Check(bytes);
        using var document = JsonDocument.Parse(bytes, Options);
        var root = document.RootElement;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("Results", out var results))
        {
            foreach (var result in results.EnumerateArray())
            {
                foreach (var vulnerability in result.GetProperty("Vulnerabilities").EnumerateArray())
                {
                    keys.Add(Key(vulnerability.GetProperty("VulnerabilityID"), vulnerability.GetProperty("PkgName"), vulnerability.GetProperty("InstalledVersion"), vulnerability.GetProperty("Severity")));
                }
            }
        }
        else if (root.TryGetProperty("matches", out var matches))
        {
            foreach (var match in matches.EnumerateArray())
            {
                var vulnerability = match.GetProperty("vulnerability");
                var artifact = match.GetProperty("artifact");
                keys.Add(Key(vulnerability.GetProperty("id"), artifact.GetProperty("name"), artifact.GetProperty("version"), vulnerability.GetProperty("severity")));
            }
        }
        else
        {
            foreach (var run in root.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    keys.Add(Key(result.GetProperty("ruleId"), location.GetProperty("artifactLocation").GetProperty("uri"), location.GetProperty("region").GetProperty("startLine"), result.GetProperty("message").GetProperty("text")));
                }
            }
        }

        return keys.Count;
    }

    private static string Key(params JsonElement[] parts) => string.Join('\u001f', parts.Select(part => part.ToString())).ToUpperInvariant();

    private static void Check(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var keys = new Stack<HashSet<string>>();
        var chars = ArrayPool<char>.Shared.Rent(256);
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
                    if (!keys.Peek().Add(reader.GetString()!))
                    {
                        throw new InvalidDataException("duplicate key");
                    }

                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    if (chars.Length < reader.ValueSpan.Length)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(reader.ValueSpan.Length);
                    }

                    reader.CopyString(chars);
                    break;
                case JsonTokenType.String when !Utf8.IsValid(reader.ValueSpan):
                    throw new InvalidDataException("not UTF-8");
            }
        }

        ArrayPool<char>.Shared.Return(chars);
    }
}
