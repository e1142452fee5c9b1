using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QualityGates.Registry;
using QualityGates.Tests.Support;
using Xunit.Abstractions;

namespace QualityGates.Tests.Registry;

/// <summary>
/// Many CI jobs deciding at once: separate processes (not threads) append to one registry file while
/// another process keeps reading it. Nothing may be lost, duplicated, torn or seen half-written.
/// </summary>
public sealed class RegistryConcurrencyTests(ITestOutputHelper output)
{
    private const int Writers = 16;
    private const int RecordsPerWriter = 200;

    [Fact]
    public async Task SixteenProcessesAppendingTwoHundredRecordsEachLoseTearAndDuplicateNothing()
    {
        using var folder = new TempDirectory();
        var registryFolder = Path.Combine(folder.Path, "registry");
        var watch = Stopwatch.StartNew();

        var reader = ChildProcess.Start("registry-reader", registryFolder, (Writers * RecordsPerWriter).ToString(CultureInfo.InvariantCulture));
        var writers = Enumerable.Range(0, Writers)
            .Select(w => ChildProcess.Start("registry-records", registryFolder, RecordsPerWriter.ToString(CultureInfo.InvariantCulture), w.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var child in writers.Append(reader))
        {
            using (child)
            {
                var (exitCode, childOutput) = await child.WaitAsync(TimeSpan.FromMinutes(3));
                Assert.True(exitCode == 0, $"child exited {exitCode}: {childOutput}");
                if (child == reader)
                {
                    output.WriteLine("reader: " + childOutput.Trim());
                }
            }
        }

        output.WriteLine($"{Writers} processes x {RecordsPerWriter} records, with a concurrent reader: {watch.ElapsedMilliseconds} ms");

        // Raw file: exactly 3200 lines, each a whole JSON object ending in a line break.
        var file = Path.Combine(registryFolder, "race.jsonl");
        var text = File.ReadAllText(file, Encoding.UTF8);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n')[..^1];
        Assert.Equal(Writers * RecordsPerWriter, lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));

        // Through the registry: every record once, none torn, every writer's records in its own order.
        var history = new ApprovalRegistry(registryFolder).GetHistory("race");
        Assert.Empty(history.Warnings);
        Assert.Equal(Writers * RecordsPerWriter, history.Value.Count);
        Assert.Equal(history.Value.Count, history.Value.Select(r => r.Id).Distinct().Count());
        var expected = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, RecordsPerWriter).Select(i => $"w{w}-{i}")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, history.Value.Select(r => r.Model.Version).Order(StringComparer.Ordinal));
        foreach (var writer in history.Value.GroupBy(r => r.By))
        {
            var sequence = writer.Select(r => int.Parse(r.Model.Version.Split('-')[1], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, RecordsPerWriter), sequence);
        }

        Assert.Equal(Writers * RecordsPerWriter / 2, history.Value.Count(r => r.Kind == RegistryRecordKind.Approved));
        Assert.Equal(Writers * RecordsPerWriter / 2, history.Value.Count(r => r.Kind == RegistryRecordKind.Rejected));
    }
}
