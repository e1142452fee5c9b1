using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualityGates.Benchmarks;

/// <summary>
/// Writes a BenchmarkDotNet full JSON export with many benchmarks, each a copy of a real one from
/// tests/fixtures/benchmarks (its host information, statistics, memory and every measurement) under its own
/// full name, with its times scaled by a per-benchmark factor: the shape BenchmarkDotNet writes, at any size.
/// </summary>
internal static class BenchmarkExportWriter
{
    /// <summary>The real export the benchmarks are copied from.</summary>
    public static string Template => Fixtures.Path("benchmarks", "base", "QualityGates.BenchmarkSubject.TextBenchmarks-report-full.json");

    /// <summary>Writes <paramref name="count"/> benchmarks to <paramref name="path"/>; <paramref name="slower"/> scales every time (1.0: as the template).</summary>
    public static void Write(string path, int count, double slower = 1.0)
    {
        var template = JsonNode.Parse(File.ReadAllText(Template))!.AsObject();
        var sample = template["Benchmarks"]!.AsArray()[0]!;
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("Title", $"QualityGates.Generated.Benchmarks-{count}");
        json.WritePropertyName("HostEnvironmentInfo");
        template["HostEnvironmentInfo"]!.WriteTo(json);
        json.WriteStartArray("Benchmarks");
        for (var i = 0; i < count; i++)
        {
            var benchmark = sample.DeepClone().AsObject();
            var factor = (1 + (i % 10 / 10.0)) * slower;
            benchmark["Type"] = "Generated" + (i / 100).ToString(CultureInfo.InvariantCulture);
            benchmark["Method"] = "Case" + i.ToString(CultureInfo.InvariantCulture);
            benchmark["Parameters"] = "N=" + i.ToString(CultureInfo.InvariantCulture);
            benchmark["FullName"] = string.Create(CultureInfo.InvariantCulture, $"QualityGates.Generated.Generated{i / 100}.Case{i}(N: {i})");
            foreach (var measurement in benchmark["Measurements"]!.AsArray())
            {
                measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * factor;
            }

            var statistics = benchmark["Statistics"]!.AsObject();
            statistics["OriginalValues"] = new JsonArray(statistics["OriginalValues"]!.AsArray().Select(v => (JsonNode)JsonValue.Create(v!.GetValue<double>() * factor)).ToArray());
            benchmark.WriteTo(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
