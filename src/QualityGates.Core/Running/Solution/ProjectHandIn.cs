using System.Text.Json;
using System.Text.Json.Serialization;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Running.Solution;

/// <summary>
/// What one test project hands to the solution gate: its test results as its gate read them (TRX or the
/// test platform's own messages), the Cobertura files it read (full paths, merged per line at the solution
/// level) and its own coverage figures for its row in the solution report. Written as JSON to
/// <c>&lt;solution report folder&gt;/run/&lt;run id&gt;/</c>, one file per project, replaced whole.
/// </summary>
/// <param name="ProjectFile">The project file (full path), its key in the run manifest.</param>
/// <param name="Name">The project's name for report rows.</param>
/// <param name="Tests">Its test results; null when it had none.</param>
/// <param name="CoverageFiles">The Cobertura files its gate read (full paths).</param>
/// <param name="ExcludedAssemblies">The assemblies its coverage filter left out (its own test assembly by default), left out of the solution's coverage too.</param>
/// <param name="Coverage">Its coverage under its own filter; null when it had none.</param>
internal sealed record ProjectHandIn(
    string ProjectFile,
    string Name,
    TestRunSummary? Tests,
    IReadOnlyList<string> CoverageFiles,
    IReadOnlyList<string> ExcludedAssemblies,
    Gates.CoverageCounts? Coverage)
{
    /// <summary>The warnings its inputs gave (QG0021, QG5010), which the project printed; the solution's report lists them.</summary>
    public IReadOnlyList<HandInWarning> Warnings { get; init; } = [];

    internal byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, ProjectHandInJsonContext.Default.ProjectHandIn);

    /// <summary>Reads a hand-in; a file that is not one is QG1023 naming it.</summary>
    internal static ProjectHandIn Read(string path)
    {
        try
        {
            using var stream = InputFile.OpenRead(path);
            return JsonSerializer.Deserialize(stream, ProjectHandInJsonContext.Default.ProjectHandIn) is { ProjectFile.Length: > 0 } handIn
                ? handIn
                : throw new JsonException("no project file");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new QualityGatesException(ErrorCodes.SolutionRunFileInvalid,
                $"The solution gate cannot read the project hand-in '{path}': {ex.Message}. Delete the solution's run folder and run the tests again.", path);
        }
    }
}

/// <summary>One warning of a project's inputs, as its gate printed it.</summary>
/// <param name="Code">The QG code.</param>
/// <param name="Message">The message.</param>
/// <param name="File">The file it is about, or null.</param>
/// <param name="Line">The line in <paramref name="File"/>, or 0.</param>
internal sealed record HandInWarning(string Code, string Message, string? File, int Line);

/// <summary>The hand-in's document (the serializer's defaults, indented), read and written without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ProjectHandIn))]
internal sealed partial class ProjectHandInJsonContext : JsonSerializerContext;
