using System.Globalization;
using System.Text.Json;

namespace QualityGates.Testing;

/// <summary>
/// Writes large security scans (Trivy, SARIF, grype) in the shapes those tools write, streaming with
/// <see cref="Utf8JsonWriter"/>, for tests and benchmarks of the JSON readers. Finding i (0-based) is
/// distinct from every other and its severity is <c>i % 5</c>: critical, high, medium, low, unknown
/// (SARIF has no unknown: its fifth rule has no score and level <c>note</c>, so it counts as low).
/// Each finding carries about a kilobyte of description, as real advisories do, unless written brief
/// (no description: about 400 bytes a finding, so three to four times the findings for a size).
/// </summary>
public static class LargeScanWriter
{
    public const string Trivy = "trivy";
    public const string Sarif = "sarif";
    public const string Grype = "grype";

    private static readonly string[] TrivySeverities = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
    private static readonly string[] GrypeSeverities = ["Critical", "High", "Medium", "Low", "Unknown"];
    private static readonly string?[] SarifScores = ["9.8", "7.5", "5.3", "2.1", null];
    private static readonly string Description = string.Concat(Enumerable.Repeat("A crafted request can make the parser read past the end of its buffer. ", 14));

    /// <summary>The formats <see cref="Write"/> knows.</summary>
    public static readonly string[] Formats = [Trivy, Sarif, Grype];

    /// <summary>Writes <paramref name="findings"/> findings in <paramref name="format"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string format, int findings, bool brief = false)
    {
        var description = brief ? string.Empty : Description;
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        switch (format)
        {
            case Trivy:
                WriteTrivy(json, findings, description);
                break;
            case Sarif:
                WriteSarif(json, findings, description);
                break;
            case Grype:
                WriteGrype(json, findings, description);
                break;
            default:
                throw new ArgumentException($"unknown format '{format}'", nameof(format));
        }
    }

    /// <summary>The counts a reader must find: critical, high, medium, low, unknown.</summary>
    public static (int Critical, int High, int Medium, int Low, int Unknown) Expected(string format, int findings)
    {
        int Bucket(int k) => (findings / 5) + (findings % 5 > k ? 1 : 0);
        return format == Sarif
            ? (Bucket(0), Bucket(1), Bucket(2), Bucket(3) + Bucket(4), 0)
            : (Bucket(0), Bucket(1), Bucket(2), Bucket(3), Bucket(4));
    }

    /// <summary>About how many findings make a file of <paramref name="bytes"/> bytes.</summary>
    public static int FindingsFor(long bytes, bool brief = false) => (int)Math.Max(1, bytes / (brief ? 420 : 1500));

    private static void WriteTrivy(Utf8JsonWriter json, int findings, string description)
    {
        json.WriteStartObject();
        json.WriteNumber("SchemaVersion", 2);
        json.WriteString("CreatedAt", "2026-11-30T12:00:00Z");
        json.WriteString("ArtifactName", "registry.example/app:1.0");
        json.WriteString("ArtifactType", "container_image");
        json.WriteStartArray("Results");
        json.WriteStartObject();
        json.WriteString("Target", "registry.example/app:1.0 (debian 12.8)");
        json.WriteString("Class", "os-pkgs");
        json.WriteStartArray("Vulnerabilities");
        for (var i = 0; i < findings; i++)
        {
            json.WriteStartObject();
            json.WriteString("VulnerabilityID", Id(i));
            json.WriteString("PkgName", Package(i));
            json.WriteString("InstalledVersion", "1.2." + Number(i % 7));
            json.WriteString("FixedVersion", "1.3.0");
            json.WriteString("Status", "fixed");
            json.WriteString("Severity", TrivySeverities[i % 5]);
            json.WriteString("Title", "Out-of-bounds read in " + Package(i));
            json.WriteString("Description", description);
            json.WriteStartArray("References");
            json.WriteStringValue("https://nvd.nist.gov/vuln/detail/" + Id(i));
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGrype(Utf8JsonWriter json, int findings, string description)
    {
        json.WriteStartObject();
        json.WriteStartArray("matches");
        for (var i = 0; i < findings; i++)
        {
            json.WriteStartObject();
            json.WriteStartObject("vulnerability");
            json.WriteString("id", Id(i));
            json.WriteString("dataSource", "https://nvd.nist.gov/vuln/detail/" + Id(i));
            json.WriteString("severity", GrypeSeverities[i % 5]);
            json.WriteString("description", description);
            json.WriteEndObject();
            json.WriteStartObject("artifact");
            json.WriteString("name", Package(i));
            json.WriteString("version", "1.2." + Number(i % 7));
            json.WriteString("type", "deb");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("source");
        json.WriteString("type", "image");
        json.WriteEndObject();
        json.WriteStartObject("descriptor");
        json.WriteString("name", "grype");
        json.WriteString("version", "0.86.1");
        json.WriteString("timestamp", "2026-11-30T12:00:00Z");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSarif(Utf8JsonWriter json, int findings, string description)
    {
        json.WriteStartObject();
        json.WriteString("version", "2.1.0");
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Trivy");
        json.WriteStartArray("rules");
        for (var rule = 0; rule < 5; rule++)
        {
            json.WriteStartObject();
            json.WriteString("id", "RULE-" + Number(rule));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", Description);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", SarifScores[rule] is null ? "note" : "error");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            if (SarifScores[rule] is { } score)
            {
                json.WriteString("security-severity", score);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        for (var i = 0; i < findings; i++)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", "RULE-" + Number(i % 5));
            json.WriteNumber("ruleIndex", i % 5);
            json.WriteStartObject("message");
            json.WriteString("text", $"Package: {Package(i)}\nInstalled Version: 1.2.{Number(i % 7)}\nVulnerability {Id(i)}\n{description}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", "registry.example/app");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", 1);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Id(int i) => "CVE-2026-" + Number(100000 + i);

    private static string Package(int i) => "libexample" + Number(i % 997);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
