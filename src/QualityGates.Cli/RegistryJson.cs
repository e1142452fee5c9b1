using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using QualityGates.Registry;
using QualityGates.Reports;

namespace QualityGates.Cli;

/// <summary>
/// The JSON the registry verbs print with <c>--json</c>: one indented document on stdout, a typed record per
/// verb (in the verb's file) serialised through <see cref="CliJsonContext"/>. Records have the same shape as
/// their registry lines (<see cref="JsonRegistryRecord"/>); queries carry the registry lines they skipped as <c>warnings</c>.
/// </summary>
internal static class RegistryJson
{
    /// <summary>Prints <paramref name="document"/> to <paramref name="output"/>, neutralised for the console.</summary>
    public static void Print<T>(TextWriter output, T document, JsonTypeInfo<T> type) =>
        output.WriteLine(ConsoleText.NeutraliseJson(ProductJson.ToText(document, type)));

    /// <summary>The record in its registry shape, or null.</summary>
    public static JsonRegistryRecord? Record(RegistryRecord? record) => record is null ? null : new(record);

    public static IEnumerable<WarningJson> Warnings(IReadOnlyList<RegistryWarning> warnings) => warnings.Select(w => new WarningJson(w));

    /// <summary>A refused record or model of <c>registry copy</c>.</summary>
    public static CodedJson Coded(RegistryCopyError error) => new(error.Code, error.File, error.Line, error.Message);
}

/// <summary>A registry line a query skipped.</summary>
internal sealed class WarningJson(RegistryWarning warning)
{
    public string Code => warning.Code;
    public string File => warning.File;
    public int Line => warning.Line;
    public string Message => warning.Message;
}

/// <summary>One coded error as <c>{code, file, line, message}</c>.</summary>
internal sealed record CodedJson(string Code, string? File, int Line, string Message);

/// <summary>Every document the CLI prints, serialised without reflection (the engine's rules: <see cref="ProductJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata,
    Converters = [typeof(ProductJson.TextConverter), typeof(ProductJson.NumberConverter)])]
[JsonSerializable(typeof(JsonRegistryRecord))]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(HistoryJson))]
[JsonSerializable(typeof(ApprovedJson))]
[JsonSerializable(typeof(DeploymentsJson))]
[JsonSerializable(typeof(CanDeployJson))]
[JsonSerializable(typeof(MigrateJson))]
[JsonSerializable(typeof(CopyJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
