using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Inputs.Common;
using QualityGates.Metrics;

namespace QualityGates.Inputs.Security;

/// <summary>
/// Reads security scan JSON files into one <see cref="SecuritySummary"/>. The format of each file
/// is recognised from its content (never its name): SARIF 2.1.0, Trivy, grype,
/// <c>dotnet list package --vulnerable --format json</c>, or the seed's simple counts. Findings are
/// de-duplicated within a file and across all files of one call (see <see cref="FindingKey"/>).
/// </summary>
internal static class SecurityScanReader
{
    // Stateless, so one shared instance of each is safe. Order matters only for shapes that could
    // match twice; none of these do.
    private static readonly ISecurityScanFormat[] Formats =
    [
        new SarifScanFormat(),
        new TrivyScanFormat(),
        new GrypeScanFormat(),
        new DotnetListVulnerableFormat(),
        new SimpleScanFormat(),
    ];

    public static SecuritySummary Read(string path) => ReadAll([path]);

    /// <summary>
    /// Reads every file and counts each finding once across all of them. A file named twice is read
    /// once. Any bad file fails the whole read: there is never a partial result.
    /// </summary>
    public static SecuritySummary ReadAll(IEnumerable<string> paths) => ReadAll(paths, read: null);

    /// <summary>As <see cref="ReadAll(IEnumerable{string})"/>, adding each file with the findings it added (not already counted from an earlier file) to <paramref name="read"/>.</summary>
    internal static SecuritySummary ReadAll(IEnumerable<string> paths, List<InputFileRead>? read) => ReadAll(paths, read, JsonReadLimits.Default);

    /// <summary>As <see cref="ReadAll(IEnumerable{string}, List{InputFileRead})"/>, holding at most what <paramref name="limits"/> allows (tests force refills and file reads with tiny limits).</summary>
    internal static SecuritySummary ReadAll(IEnumerable<string> paths, List<InputFileRead>? read, JsonReadLimits limits)
    {
        var tally = new FindingTally();
        var files = new List<string>();
        var formats = new List<string>();
        var tools = new List<string>();
        string? timestamp = null;
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        foreach (var path in paths)
        {
            if (!seen.Add(Path.GetFullPath(path)))
            {
                continue;
            }

            using var file = JsonInputFile.Open(path, limits);
            var format = Formats.FirstOrDefault(candidate => candidate.Recognizes(file.Root))
                ?? throw file.Root.Error(ErrorCodes.WrongFileKind, UnknownFormatMessage(file.Root));
            var before = read is null ? null : tally.ToSummary();
            tally.ScanFile = Path.GetFileName(path);
            tally.ScanTool = null;
            var origin = format.Read(file.Root, tally);
            if (before is not null)
            {
                read!.Add(new InputFileRead(Path.GetFullPath(path), $"security scan ({format.Name})", InputFileRead.Findings(Added(before, tally.ToSummary()))));
            }

            files.Add(path);
            AddOnce(formats, format.Name);
            foreach (var tool in origin.Tools)
            {
                AddOnce(tools, tool);
            }

            timestamp ??= origin.Timestamp;
        }

        if (files.Count == 0)
        {
            throw new ArgumentException("At least one security scan file is needed.", nameof(paths));
        }

        return tally.ToSummary() with
        {
            ScanTools = tools,
            Formats = formats,
            ScanTimestamp = timestamp,
            SourceFiles = files,
            Findings = tally.Findings(),
            Listed = tally.Listed(),
        };
    }

    private static SecuritySummary Added(SecuritySummary before, SecuritySummary after) => new()
    {
        Critical = after.Critical - before.Critical,
        High = after.High - before.High,
        Medium = after.Medium - before.Medium,
        Low = after.Low - before.Low,
        Unknown = after.Unknown - before.Unknown,
    };

    private static void AddOnce(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }

    private static string UnknownFormatMessage(JsonCursor root)
    {
        var names = root.PropertyNames.Select(name => "'" + name + "'").ToList();
        var shape = (root.Kind, names.Count) switch
        {
            (JsonValueKind.Object, 0) => "an empty object",
            (JsonValueKind.Object, <= 5) => "an object with fields " + string.Join(", ", names),
            (JsonValueKind.Object, _) => "an object with fields " + string.Join(", ", names.Take(5)) + ", ...",
            _ => root.Description,
        };
        return "not a security scan format this reader knows (SARIF 2.1.0, Trivy JSON, grype JSON, "
            + "'dotnet list package --vulnerable --format json', or critical_vulnerabilities/high_vulnerabilities/"
            + $"medium_vulnerabilities/low_vulnerabilities counts); the top level is {shape}.";
    }
}
