using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using QualityGates.Configuration.Settings;
using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Gates.Benchmarks;
using QualityGates.Gates;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Metrics;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Benchmarks;
using QualityGates.Tests.Reports;
using QualityGates.Waivers;

namespace QualityGates.Tests.Running;

/// <summary>
/// The benchmark gates on real BenchmarkDotNet runs of one small project (tests/fixtures/benchmarks): a rerun of the
/// same code passes; the run in which SumCsv was made slower and allocating fails both gates naming SumCsv alone.
/// </summary>
public sealed class BenchmarkGateTests : IDisposable
{
    private static readonly ModelIdentity Model = new("subject", "1.1");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private GateRunResult Run(string current, string? baseline, string context = "staging", IReadOnlyList<ThresholdOverride>? overrides = null,
        string? registry = null, bool approve = false, string? waivers = null)
    {
        var request = new GateRunRequest
        {
            Context = context,
            Groups = GateGroup.Tests | GateGroup.Benchmarks,
            Model = Model,
            BaseDirectory = _dir.Path,
            Overrides = overrides ?? [],
            Benchmarks = new BenchmarkOptions { Files = [current], BaselineFiles = baseline is null ? [] : [baseline], Registry = registry },
            // Tests judged too, so a run with benchmarks but no baseline yet still has something to approve.
            Run = new QualityGates.Inputs.RunInputs { Tests = new TestRunSummary { Total = 3, Passed = 3 } },
            Reports = new ReportOptions { Folder = "reports-" + Guid.NewGuid().ToString("N") },
            Registry = approve ? new RegistryOptions { Folder = registry, ApprovedBy = "qa@example.com" } : null,
            Environment = name => name == WaiverSet.TodayVariable ? "2026-11-30" : null,
            WaiversFile = waivers,
        };
        return new GateRun().Execute(request, TextWriter.Null);
    }

    private static GateCheckResult Check(GateRunResult result, string gate) => Assert.Single(result.Report!.Checks, c => c.Gate == gate);

    [Fact]
    public void ARerunOfTheSameCodePasses()
    {
        var result = Run(BenchmarkFixtures.AllFull("rerun"), BenchmarkFixtures.AllFull("base"));

        Assert.True(result.Passed, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var time = Check(result, GateNames.BenchmarkTime);
        Assert.Equal(GateStatus.Passed, time.Status);
        Assert.StartsWith("7 benchmarks compared with the baseline, none are slower than the baseline beyond the staging maximum latency increase of 20.0%", time.Message, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Passed, Check(result, GateNames.BenchmarkAllocated).Status);
        Assert.All(result.Report!.Inputs.Benchmarks!.Benchmarks, b => Assert.NotEqual(BenchmarkOutcome.Regressed, b.Time));
    }

    [Fact]
    public void ASlowerAndAllocatingBenchmarkFailsBothGatesAloneAndIsNamed()
    {
        var result = Run(BenchmarkFixtures.AllFull("regressed"), BenchmarkFixtures.AllFull("base"));

        Assert.False(result.Passed);
        var time = Check(result, GateNames.BenchmarkTime);
        Assert.Equal((GateStatus.Failed, ErrorCodes.BenchmarkTimeRegressed), (time.Status, time.Code));
        Assert.StartsWith($"1 of 7 benchmarks is slower than the baseline beyond the staging maximum latency increase of 20.0% (Mann-Whitney U, α = 0.05): {BenchmarkFixtures.SumCsv} ", time.Message, StringComparison.Ordinal);
        Assert.Matches(@"SumCsv \d\.\d\d µs → \d\.\d\d µs \(×\d\.\d\d, \+\d+\.\d%, p = \d\.\de-\d+\)$", time.Message);
        var allocated = Check(result, GateNames.BenchmarkAllocated);
        Assert.Equal((GateStatus.Failed, ErrorCodes.BenchmarkAllocationIncreased, double.PositiveInfinity), (allocated.Status, allocated.Code, allocated.Value));
        Assert.EndsWith($"{BenchmarkFixtures.SumCsv} 0 B → 17560 B per operation (was allocation-free)", allocated.Message, StringComparison.Ordinal);

        var regressed = result.Report!.Inputs.Benchmarks!.Benchmarks.Where(b => b.Time == BenchmarkOutcome.Regressed || b.Allocated == BenchmarkOutcome.Regressed);
        Assert.Equal(BenchmarkFixtures.SumCsv, Assert.Single(regressed).FullName);
        Assert.Equal([ErrorCodes.BenchmarkTimeRegressed, ErrorCodes.BenchmarkAllocationIncreased], result.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
    }

    [Fact]
    public void TheReportsNameTheRegressedBenchmarkOnePerCaseAndCarryItsFigures()
    {
        var result = Run(BenchmarkFixtures.AllFull("regressed"), BenchmarkFixtures.AllFull("base"));

        var junit = File.ReadAllText(result.Files!.JUnit);
        Assert.Empty(JUnitSchema.Validate(junit));
        var cases = XDocument.Parse(junit).Descendants("testcase").ToList();
        Assert.Equal(1 + (2 * 7), cases.Count);
        var failed = cases.Where(c => c.Element("failure") is not null).Select(c => ((string)c.Attribute("name")!, (string)c.Element("failure")!.Attribute("type")!)).ToList();
        Assert.Equal([($"benchmarks.time[{BenchmarkFixtures.SumCsv}]", "QG2050"), ($"benchmarks.allocated[{BenchmarkFixtures.SumCsv}]", "QG2051")], failed);

        var json = JsonNode.Parse(File.ReadAllText(result.Files.Json))!["metrics"]!["benchmarks"]!;
        var sum = json["results"]!.AsArray().Single(r => (string)r!["name"]! == BenchmarkFixtures.SumCsv)!;
        Assert.Equal(("regressed", "regressed"), ((string)sum["time"]!, (string)sum["allocated"]!));
        Assert.True((double)sum["ratio"]! > 2 && (double)sum["pValue"]! < 1e-6);
        Assert.Null(sum["allocatedIncreasePercent"]);
        Assert.Equal(17560, (double)sum["current"]!["allocatedBytes"]!);
        Assert.Equal((int)sum["current"]!["measurements"]!, sum["current"]!["samplesNs"]!.AsArray().Count);
        Assert.Equal(6, json["results"]!.AsArray().Count(r => (string)r!["time"]! is "within" or "improved"));

        var html = File.ReadAllText(result.Files.Html!);
        Assert.Equal(7, CountOf(html, "<svg class=\"dist\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<span class=\"badge failed\">REGRESSED</span>", html, StringComparison.Ordinal);
        var summary = QualityGates.Reports.MarkdownSummary.Render(result.Report!, result.Files, QualityGates.Reports.MarkdownSummary.GitHubStepSummaryBudget)!;
        Assert.Contains("**Benchmarks** against 3 exports in ", summary, StringComparison.Ordinal);
        Assert.Contains($"| `benchmarks.time` | ❌ **fail** | {BenchmarkFixtures.SumCsv} ", summary, StringComparison.Ordinal);
        Assert.Contains("benchmark time 198.", result.SummaryLine, StringComparison.Ordinal);
        Assert.Contains("(1 of 7 regressed)", result.SummaryLine, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchmarksInOneRunOnlyAreListedAsNewAndRemovedAndWarned()
    {
        var current = Path.Combine(_dir.Path, "current");
        Directory.CreateDirectory(current);
        foreach (var type in new[] { "CollectionBenchmarks", "ParseBenchmarks" })
        {
            File.Copy(BenchmarkFixtures.Full("rerun", type), Path.Combine(current, Path.GetFileName(BenchmarkFixtures.Full("rerun", type))));
        }

        var removed = Run(Path.Combine(current, "*-report-full.json"), BenchmarkFixtures.AllFull("base"));
        var added = Run(BenchmarkFixtures.AllFull("rerun"), Path.Combine(current, "*-report-full.json"));

        Assert.True(removed.Passed);
        Assert.Equal(4, removed.Report!.Inputs.Benchmarks!.Removed.Count);
        Assert.EndsWith("; 4 removed benchmarks not compared", Check(removed, GateNames.BenchmarkTime).Message, StringComparison.Ordinal);
        var warning = Assert.Single(removed.Diagnostics, d => d.Code == ErrorCodes.BenchmarksUnpaired);
        Assert.Contains("removed, only in the baseline (4): QualityGates.BenchmarkSubject.TextBenchmarks.Reverse(Length: 1024)", warning.Message, StringComparison.Ordinal);
        // Like every warning of a run, it is in the report files too.
        Assert.Contains(removed.Report.RunWarnings, w => w.Code == ErrorCodes.BenchmarksUnpaired);
        using (var json = JsonDocument.Parse(File.ReadAllBytes(removed.Files!.Json)))
        {
            Assert.Contains(json.RootElement.GetProperty("warningDetails").EnumerateArray(), w => w.GetProperty("code").GetString() == ErrorCodes.BenchmarksUnpaired);
        }

        Assert.Contains(ErrorCodes.BenchmarksUnpaired, File.ReadAllText(removed.Files.JUnit), StringComparison.Ordinal);
        Assert.Equal(4, added.Report!.Inputs.Benchmarks!.New.Count);
        Assert.Contains("new, only in this run (4)", Assert.Single(added.Diagnostics, d => d.Code == ErrorCodes.BenchmarksUnpaired).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherMachineOrRuntimeInTheBaselineIsAWarningNamingTheDifferenceWithFileAndLine()
    {
        var baseline = Path.Combine(_dir.Path, "baseline");
        Directory.CreateDirectory(baseline);
        foreach (var type in BenchmarkFixtures.Types)
        {
            var export = JsonNode.Parse(File.ReadAllText(BenchmarkFixtures.Full("base", type)))!;
            export["HostEnvironmentInfo"]!["RuntimeVersion"] = ".NET 9.0.11 (9.0.11, 9.0.1125.51716)";
            File.WriteAllText(Path.Combine(baseline, Path.GetFileName(BenchmarkFixtures.Full("base", type))), export.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        var result = Run(BenchmarkFixtures.AllFull("rerun"), Path.Combine(baseline, "*-report-full.json"));

        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.BenchmarkHostsDiffer);
        Assert.Equal((BenchmarkFixtures.Full("rerun", "CollectionBenchmarks"), 3), (warning.File, warning.Line));
        Assert.Contains("runtime .NET 9.0.11 (9.0.11, 9.0.1125.51716) → .NET 10.0.12 (10.0.12, 10.0.1226.42308)", warning.Message, StringComparison.Ordinal);
        Assert.True(result.Passed);
    }

    [Fact]
    public void TheBaselineIsTheBenchmarksOfTheRegistrysLastApprovalWhenNoneIsNamed()
    {
        var first = Run(BenchmarkFixtures.AllFull("base"), baseline: null, registry: "registry", approve: true);
        Assert.True(first.Passed);
        Assert.Equal(GateStatus.Skipped, Check(first, GateNames.BenchmarkTime).Status);
        Assert.Contains("has no approval of subject for staging with a report yet", Check(first, GateNames.BenchmarkTime).Message, StringComparison.Ordinal);

        var rerun = Run(BenchmarkFixtures.AllFull("rerun"), baseline: null, registry: "registry");
        var regressed = Run(BenchmarkFixtures.AllFull("regressed"), baseline: null, registry: "registry");

        Assert.True(rerun.Passed, Check(rerun, GateNames.BenchmarkTime).Message);
        Assert.StartsWith("the last approval of subject 1.1 for staging", rerun.Report!.Inputs.Benchmarks!.Baseline!.Source, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Failed, Check(regressed, GateNames.BenchmarkTime).Status);
        Assert.Equal(BenchmarkFixtures.SumCsv, Assert.Single(regressed.Report!.Inputs.Benchmarks!.Benchmarks, b => b.Time == BenchmarkOutcome.Regressed).FullName);
    }

    [Fact]
    public void AnEarlierGateReportCanBeTheBaseline()
    {
        var main = Run(BenchmarkFixtures.AllFull("base"), baseline: null).Files!.Json;

        var result = Run(BenchmarkFixtures.AllFull("regressed"), main);

        Assert.Equal(GateStatus.Failed, Check(result, GateNames.BenchmarkTime).Status);
        Assert.Equal(7, result.Report!.Inputs.Benchmarks!.Paired.Count());
    }

    [Fact]
    public void AWaiverCanNameOneBenchmarkOfOneGate()
    {
        var waivers = _dir.Write("waivers.json", $$"""
            { "waivers": [
              { "gate": "benchmarks.time[{{BenchmarkFixtures.SumCsv}}]", "owner": "perf@example.com", "reason": "parser rewrite lands next sprint", "expires": "2026-12-31" },
              { "gate": "benchmarks.time[{{BenchmarkFixtures.Namespace}}CollectionBenchmarks.Lookup]", "owner": "perf@example.com", "reason": "not regressed", "expires": "2026-12-31" } ] }
            """);

        var result = Run(BenchmarkFixtures.AllFull("regressed"), BenchmarkFixtures.AllFull("base"), waivers: waivers);

        var time = Check(result, GateNames.BenchmarkTime);
        Assert.Equal((GateStatus.Waived, ErrorCodes.CheckWaived), (time.Status, time.Code));
        Assert.Contains("waived by perf@example.com until 2026-12-31: parser rewrite lands next sprint", time.Message, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Failed, Check(result, GateNames.BenchmarkAllocated).Status);
        Assert.Equal([WaiverState.Applied, WaiverState.Unused], result.Report!.Waivers.Select(w => w.State));
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.WaiverUnused && d.Message.Contains("CollectionBenchmarks.Lookup", StringComparison.Ordinal));
    }

    [Fact]
    public void TheWarningLevelWarnsOfASignificantIncreaseWithinTheMaximum()
    {
        var result = Run(BenchmarkFixtures.AllFull("regressed"), BenchmarkFixtures.AllFull("base"),
            overrides: [new("MaxLatencyIncrease", "5", "QualityGatesMaxLatencyIncrease"), new("WarnLatencyIncrease", "0.5", "QualityGatesWarnLatencyIncrease")]);

        var time = Check(result, GateNames.BenchmarkTime);
        Assert.Equal((GateStatus.Warning, ErrorCodes.FigureInWarningBand, 0.5), (time.Status, time.Code, time.WarningLevel));
        Assert.Contains("beyond the staging warning level of 50.0%", time.Message, StringComparison.Ordinal);
        Assert.Contains(BenchmarkFixtures.SumCsv, time.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutABaselineTheChecksAreSkippedOrFailInProduction()
    {
        var staging = Run(BenchmarkFixtures.AllFull("base"), baseline: null, registry: "empty-registry");
        var production = Run(BenchmarkFixtures.AllFull("base"), baseline: null, context: "production", registry: "empty-registry");

        Assert.Equal(GateStatus.Skipped, Check(staging, GateNames.BenchmarkTime).Status);
        Assert.Equal((GateStatus.Failed, ErrorCodes.BenchmarkTimeRegressed), (Check(production, GateNames.BenchmarkTime).Status, Check(production, GateNames.BenchmarkTime).Code));
        Assert.Contains("No benchmark baseline", Check(production, GateNames.BenchmarkTime).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedRunIsAnErrorAndNothingIsJudged()
    {
        var result = Run(BenchmarkFixtures.AllFull("broken"), BenchmarkFixtures.AllFull("base"));

        Assert.Null(result.Report);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((ErrorCodes.BenchmarkRunFailed, BenchmarkFixtures.Full("broken", "ParseBenchmarks")), (error.Code, error.File));
    }

    [Fact]
    public void ABaselineWithoutBenchmarkResultsIsASettingError()
    {
        var request = new GateRunRequest
        {
            BaseDirectory = _dir.Path, Names = SettingNames.For(Adapter.Cli), Benchmarks = new BenchmarkOptions { BaselineFiles = [BenchmarkFixtures.AllFull("base")] },
        };

        var error = Assert.Single(new GateRun().Execute(request, TextWriter.Null).Diagnostics);

        Assert.Equal(ErrorCodes.InvalidSetting, error.Code);
        Assert.Contains("--benchmark-baseline names a baseline, but --benchmarks names no benchmark results", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
