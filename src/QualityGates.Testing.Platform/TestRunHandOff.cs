using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGates.Metrics;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The test host's results as <see cref="GateSessionHandler"/> hands them to <see cref="GateControllerHandler"/>
/// in the controlling process: one JSON file (the serializer's defaults), written by this version and read back by it.
/// </summary>
internal static class TestRunHandOff
{
    public static string ToJson(TestRunSummary tests) => JsonSerializer.Serialize(tests, HandOffJsonContext.Default.TestRunSummary);

    /// <summary>The results, or null for a file that holds JSON null; <see cref="JsonException"/> for a torn file.</summary>
    public static TestRunSummary? FromJson(string json) => JsonSerializer.Deserialize(json, HandOffJsonContext.Default.TestRunSummary);
}

/// <summary>The hand-off's document, read and written without reflection.</summary>
[JsonSerializable(typeof(TestRunSummary))]
internal sealed partial class HandOffJsonContext : JsonSerializerContext;
