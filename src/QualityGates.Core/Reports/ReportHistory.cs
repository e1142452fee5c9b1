using System.Text.Json;

namespace QualityGates.Reports;

/// <summary>
/// The gated figures of earlier runs, read from the timestamped <c>report-*.json</c> files already in
/// the report folder, for the trend on <c>gates.html</c>. Bounded (at most <see cref="MaxFiles"/>
/// newest files) and forgiving: a file that cannot be read or is not a report is left out without a
/// word, since the trend is a picture, not evidence.
/// </summary>
internal sealed class ReportHistory
{
    /// <summary>Earlier report files read at most (the newest ones).</summary>
    public const int MaxFiles = 20;

    /// <summary>Runs a trend shows at most, this run included.</summary>
    public const int MaxRuns = 10;

    /// <summary>Files larger than this are not reports worth a trend (a report is a few kilobytes).</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, List<double?>> _values = new(StringComparer.Ordinal);

    /// <summary>No earlier run.</summary>
    public static ReportHistory None { get; } = new();

    /// <summary>How many earlier runs were read.</summary>
    public int Runs { get; private set; }

    /// <summary>
    /// Reads the newest <see cref="MaxFiles"/> timestamped reports of <paramref name="folder"/> made in
    /// <paramref name="context"/> (runs in another context are judged against other thresholds).
    /// </summary>
    public static ReportHistory Read(string folder, string context)
    {
        var history = new ReportHistory();
        var files = ReportRetention.Reports(folder);
        foreach (var file in files.Skip(Math.Max(0, files.Count - MaxFiles)))
        {
            if (TryRead(file, context) is { } checks)
            {
                history.Runs++;
                foreach (var gate in history._values.Keys.Except(checks.Keys).ToList())
                {
                    history._values[gate].Add(null);
                }

                foreach (var (gate, value) in checks)
                {
                    if (!history._values.TryGetValue(gate, out var values))
                    {
                        values = Enumerable.Repeat<double?>(null, history.Runs - 1).ToList();
                        history._values.Add(gate, values);
                    }

                    values.Add(value);
                }
            }
        }

        return history;
    }

    /// <summary>The earlier values of <paramref name="gate"/>, oldest first (null where a run did not measure it), at most <see cref="MaxRuns"/> − 1.</summary>
    public IReadOnlyList<double?> ValuesOf(string gate) =>
        _values.TryGetValue(gate, out var values) ? values.Skip(Math.Max(0, values.Count - (MaxRuns - 1))).ToList() : [];

    private static Dictionary<string, double?>? TryRead(string file, string context)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                return null;
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("context", out var runContext) || runContext.ValueKind != JsonValueKind.String || runContext.GetString() != context
                || !root.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var check in checks.EnumerateArray())
            {
                if (check.ValueKind == JsonValueKind.Object
                    && check.TryGetProperty("gate", out var gate) && gate.ValueKind == JsonValueKind.String
                    && check.TryGetProperty("value", out var value))
                {
                    values[gate.GetString()!] = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
                }
            }

            return values;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
