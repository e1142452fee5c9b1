using QualityGates.Files;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>
/// The JSON the registry verbs print with <c>--json</c>: one indented document on stdout. Records have
/// the same shape as their registry lines; queries carry the registry lines they skipped as <c>warnings</c>.
/// </summary>
internal static class RegistryJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes one document built by <paramref name="write"/> to <paramref name="output"/>.</summary>
    public static void Print(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(ConsoleText.NeutraliseJson(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
    }

    public static void Record(Utf8JsonWriter json, string name, RegistryRecord? record)
    {
        if (record is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WritePropertyName(name);
        RegistryRecordJson.Write(json, record);
    }

    public static void Records(Utf8JsonWriter json, string name, IEnumerable<RegistryRecord> records)
    {
        json.WriteStartArray(name);
        foreach (var record in records)
        {
            RegistryRecordJson.Write(json, record);
        }

        json.WriteEndArray();
    }

    public static void Warnings(Utf8JsonWriter json, IReadOnlyList<RegistryWarning> warnings)
    {
        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            Coded(json, warning.Code, warning.File, warning.Line, warning.Message);
        }

        json.WriteEndArray();
    }

    /// <summary>One coded warning or error as <c>{code, file, line, message}</c>.</summary>
    public static void Coded(Utf8JsonWriter json, string code, string? file, int line, string message)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("file", file);
        json.WriteNumber("line", line);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
