using System.Globalization;
using System.Text.RegularExpressions;
using QualityGates.Errors;

namespace QualityGates.Reports;

/// <summary>
/// Keeps the report folder from growing without bound: after a run published its files, only the newest
/// <c>report-&lt;UTC time&gt;-&lt;random&gt;.json</c> files are kept (names sort by time). Nothing else is
/// ever deleted: not <c>latest.json</c>, not this run's report, not a file whose name merely starts with
/// <c>report-</c>.
/// </summary>
internal static partial class ReportRetention
{
    /// <summary>Timestamped reports kept when the user says nothing (<c>QualityGatesKeepReports</c>, <c>--keep-reports</c>).</summary>
    public const int DefaultKeep = 20;

    /// <summary>Reads the setting: a whole number ≥ 0 (0 keeps every report); empty gives <see cref="DefaultKeep"/>.</summary>
    /// <exception cref="QualityGatesException"><see cref="ErrorCodes.InvalidSetting"/> (QG0009) naming <paramref name="source"/>.</exception>
    public static int Parse(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultKeep;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var keep))
        {
            throw new QualityGatesException(ErrorCodes.InvalidSetting,
                $"{source} is '{text}', but it must be a whole number of reports to keep, 0 or more (0 keeps them all; default {DefaultKeep}).");
        }

        return keep;
    }

    /// <summary>The timestamped reports in <paramref name="folder"/>, oldest first (full paths); empty when the folder cannot be listed.</summary>
    public static IReadOnlyList<string> Reports(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "report-*.json")
                .Where(path => ReportName().IsMatch(Path.GetFileName(path)))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// Deletes the oldest timestamped reports so that <paramref name="keep"/> remain, never
    /// <paramref name="current"/> (this run's). A file that cannot be deleted is left and named in the
    /// returned problem: pruning never fails a run.
    /// </summary>
    /// <returns>Null, or what could not be deleted and why.</returns>
    public static string? Prune(string folder, int keep, string current)
    {
        if (keep <= 0)
        {
            return null;
        }

        var reports = Reports(folder);
        foreach (var old in reports.Take(Math.Max(0, reports.Count - keep)))
        {
            if (string.Equals(old, current, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                File.Delete(old);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"An old report was not deleted to keep the latest {keep.ToString(CultureInfo.InvariantCulture)}: '{old}': {ex.Message}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^report-\d{8}T\d{9}Z-[0-9a-f]{8}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportName();
}
