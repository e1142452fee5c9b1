using System.Text.Json;
using System.Xml.Linq;

namespace QualityGates.Cli.Tests;

/// <summary>
/// <c>qualitygates check --benchmarks new/*-report-full.json --benchmark-baseline base/*-report-full.json</c> on real
/// BenchmarkDotNet runs (tests/fixtures/benchmarks): a rerun of the same code passes; the run with one benchmark made
/// slower and allocating fails naming that benchmark alone, in the console, the JSON report, JUnit and gates.html.
/// </summary>
public sealed class BenchmarkCheckTests : IDisposable
{
    private const string SumCsv = "QualityGates.BenchmarkSubject.ParseBenchmarks.SumCsv";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A copy of one fixture run in <c>&lt;temp&gt;/&lt;folder&gt;</c>, returned as the glob of its full exports.</summary>
    private string Copy(string run, string folder)
    {
        var target = Path.Combine(_dir.Path, folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Fixtures.Path("benchmarks", run), "*.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return Path.Combine(target, "*-report-full.json");
    }

    private CliRun Check(string run) =>
        CliRun.Of("check", "--checks", "benchmarks", "--benchmarks", Copy(run, "new"), "--benchmark-baseline", Copy("base", "base"), "--report-dir", Path.Combine(_dir.Path, "reports"));

    [Fact]
    public void ARerunOfUnchangedCodePasses()
    {
        var run = Check("rerun");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorCodes);
        Assert.Matches(@"benchmarks\.time\s+PASS", run.Output);
        Assert.Matches(@"benchmarks\.allocated\s+PASS", run.Output);
        Assert.Contains("QualityGates: PASSED (staging) · benchmark time ", run.Output, StringComparison.Ordinal);
        Assert.Contains("(7 benchmarks)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ARegressionFailsNamingOnlyTheRegressedBenchmarkInEveryReport()
    {
        var run = Check("regressed");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["QG2050", "QG2051"], run.ErrorCodes);
        var errors = run.Error.Split('\n').Where(l => l.Contains("error QG", StringComparison.Ordinal)).ToList();
        Assert.All(errors, e => Assert.Contains(SumCsv, e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("TextBenchmarks", e, StringComparison.Ordinal));
        Assert.StartsWith("error QG2050 : benchmarks.time: 1 of 7 benchmarks are slower than the baseline", errors[0], StringComparison.Ordinal);
        Assert.Contains("(1 of 7 regressed)", run.Output, StringComparison.Ordinal);

        var reports = Path.Combine(_dir.Path, "reports");
        var junit = XDocument.Load(Path.Combine(reports, "junit-gates.xml"));
        Assert.Equal([$"benchmarks.time[{SumCsv}]", $"benchmarks.allocated[{SumCsv}]"],
            junit.Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!));
        Assert.Equal(14, junit.Descendants("testcase").Count());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "latest.json")));
        var results = json.RootElement.GetProperty("metrics").GetProperty("benchmarks").GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([SumCsv], results.Where(r => r.GetProperty("time").GetString() == "regressed").Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([SumCsv], results.Where(r => r.GetProperty("allocated").GetString() == "regressed").Select(r => r.GetProperty("name").GetString()));

        var html = File.ReadAllText(Path.Combine(reports, "gates.html"));
        var failedRows = html.Split("<tr class=\"failed\">").Skip(1).Select(row => row[..row.IndexOf("</tr>", StringComparison.Ordinal)]).ToList();
        Assert.Contains(failedRows, row => row.Contains($"<code>{SumCsv}</code>", StringComparison.Ordinal) && row.Contains("REGRESSED", StringComparison.Ordinal));
        Assert.DoesNotContain(failedRows, row => row.Contains("<code>QualityGates.BenchmarkSubject.TextBenchmarks", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailedBenchmarkRunIsABadInputNamingTheFile()
    {
        var run = CliRun.Of("check", "--benchmarks", Copy("broken", "new"), "--benchmark-baseline", Copy("base", "base"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG1080"], run.ErrorCodes);
        Assert.Contains("QualityGates.BenchmarkSubject.ParseBenchmarks-report-full.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaselineWithoutBenchmarksIsAnError()
    {
        var run = CliRun.Of("check", "--benchmark-baseline", Copy("base", "base"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["QG0009"], run.ErrorCodes);
        Assert.Contains("--benchmark-baseline names a baseline, but --benchmarks names no benchmark results", run.Error, StringComparison.Ordinal);
    }
}
