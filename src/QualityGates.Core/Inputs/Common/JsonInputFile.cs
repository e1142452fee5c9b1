using System.Text.Json;
using QualityGates.Errors;

namespace QualityGates.Inputs.Common;

/// <summary>
/// A parsed JSON input file that can turn a JSON path into a coded error naming the file and line.
/// Readers walk it through <see cref="Root"/>; every cursor carries its path, so any value can be
/// reported where it stands.
/// </summary>
public sealed class JsonInputFile : IDisposable
{
    private readonly JsonDocument document;
    private readonly ReadOnlyMemory<byte> bytes;

    private JsonInputFile(string path, JsonDocument document, ReadOnlyMemory<byte> bytes)
    {
        Path = path;
        this.document = document;
        this.bytes = bytes;
    }

    /// <summary>The file as given by the caller.</summary>
    public string Path { get; }

    /// <summary>The top-level value, at path <c>$</c>.</summary>
    public JsonCursor Root => new(this, document.RootElement, JsonPath.Root);

    /// <summary>Parses <paramref name="path"/>; malformed or truncated JSON is <see cref="ErrorCodes.MalformedJson"/> with its line.</summary>
    public static JsonInputFile Open(string path)
    {
        var document = JsonInput.Parse(path, out var bytes);
        return new JsonInputFile(path, document, bytes);
    }

    /// <summary>The 1-based line of <paramref name="jsonPath"/> in the file, or 0 when it cannot be found.</summary>
    public int LineOf(string jsonPath) => JsonLineLocator.FindLine(bytes.Span, jsonPath);

    /// <summary>A coded error about the value at <paramref name="jsonPath"/>, with the file and line.</summary>
    public QualityGatesException Error(string code, string jsonPath, string message)
    {
        var line = LineOf(jsonPath);
        var where = line > 0 ? $"'{Path}' line {line}" : $"'{Path}'";
        return new QualityGatesException(code, $"{where}: {message}", Path, line);
    }

    public void Dispose() => document.Dispose();
}
