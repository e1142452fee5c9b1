using System.Text;
using System.Text.RegularExpressions;

namespace QualityGates.Testing;

/// <summary>
/// Committed files that hold the exact bytes the product writes, so a change to a JSON writer that moves a
/// byte shows up as a failing test and a reviewable diff. Only what legitimately differs between runs is
/// normalised before comparing (<see cref="Normalise"/>); everything else must match byte for byte.
/// Set <c>QUALITYGATES_UPDATE_GOLDEN=1</c> to rewrite the files from the current output (then review the diff).
/// </summary>
public static class GoldenFile
{
    /// <summary>When "1", <see cref="Expected"/> writes the actual output as the new golden file.</summary>
    public const string UpdateVariable = "QUALITYGATES_UPDATE_GOLDEN";

    /// <summary>
    /// The committed golden text for <paramref name="actual"/> (a path under the repository root), for the
    /// caller to compare with; when updating, first writes <paramref name="actual"/> there.
    /// </summary>
    public static string Expected(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(actual));
        }

        return File.Exists(path)
            ? Encoding.UTF8.GetString(File.ReadAllBytes(path))
            : $"(no golden file {relativePath}: run the test with {UpdateVariable}=1 to write it)";
    }

    /// <summary>
    /// The text of <paramref name="utf8"/> with the machine's folders replaced by placeholders (each given as
    /// its path and the placeholder), the random part of report file names (<c>report-&lt;time&gt;-0a1b2c3d.json</c>)
    /// as <c>&lt;random&gt;</c>, and Windows line breaks as <c>\n</c> (the indented writers break lines
    /// with the platform's newline; JSON strings cannot hold a raw line break, so nothing else changes).
    /// Bytes that are not UTF-8 survive as U+FFFD and fail the comparison.
    /// </summary>
    public static string Normalise(byte[] utf8, params (string Path, string Placeholder)[] folders) =>
        Normalise(Encoding.UTF8.GetString(utf8), folders);

    /// <inheritdoc cref="Normalise(byte[], ValueTuple{string, string}[])"/>
    public static string Normalise(string text, params (string Path, string Placeholder)[] folders)
    {
        // Longest first, so a folder inside another is replaced before its parent.
        foreach (var (path, placeholder) in folders.OrderByDescending(f => f.Path.Length))
        {
            text = text.Replace(path, placeholder, StringComparison.Ordinal);
        }

        text = Regex.Replace(text, @"(report-\d{8}T\d{9}Z-)[0-9a-f]{8}(\.json)", "$1<random>$2");
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="text"/> with registry record ids (32 hex digits) as <c>&lt;id&gt;</c> and ISO 8601 UTC
    /// times with milliseconds (whole values or inside messages) as <c>&lt;time&gt;</c>: the parts of a record made now that differ on every run.
    /// </summary>
    public static string WithoutIdsAndTimes(string text) =>
        Regex.Replace(
            Regex.Replace(text, "\"id\": ?\"[0-9a-f]{32}\"", m => m.Value[..^34] + "\"<id>\""),
            @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", "<time>");
}
