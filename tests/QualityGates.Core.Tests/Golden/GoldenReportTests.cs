using QualityGates.Configuration;
using QualityGates.Gates;
using QualityGates.Inputs;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Registry;
using QualityGates.Reports;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Benchmarks;
using QualityGates.Tests.Inputs.Cobertura;
using QualityGates.Tests.Reports;
using QualityGates.Tests.Support;
using QualityGates.Waivers;

namespace QualityGates.Tests.Golden;

/// <summary>
/// The JSON gate report byte for byte: each case is a representative run (real fixtures through
/// <see cref="GateRun"/> on a stopped clock, or the gate on inputs made here for what a fixture cannot
/// show), compared with its committed file in this folder. Only the temp folder and the fixtures folder
/// are replaced by placeholders (see <see cref="GoldenFile"/>; the README here lists the cases).
/// </summary>
public sealed class GoldenReportTests : IDisposable
{
    internal const string Folder = "tests/QualityGates.Core.Tests/Golden";

    /// <summary>The stopped clock of every case, and the day waivers are judged on.</summary>
    internal static readonly DateTimeOffset Time = new(2026, 11, 30, 8, 15, 30, 123, TimeSpan.Zero);

    private static readonly string GuardTrx = Fixtures.Path("trx", "guardclauses-xunit-failskip.trx");
    private static readonly string GuardCoverage = Fixtures.Path("cobertura", "coverlet-collector", "guardclauses-failskip.coverage.cobertura.xml");
    private static readonly string DebianBuster = Fixtures.Path("security", "trivy", "trivy-debian-buster.json.golden");
    private static readonly ModelIdentity Veran = new("veran", "v6.2");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Also the webhook a passing run posts when told to post always.</summary>
    [Fact]
    public void PassingRunWithEveryInput()
    {
        using var webhook = new LocalHttpServer();
        var result = Run(new GateRunRequest
        {
            Context = "development",
            Model = Veran,
            TestResultFiles = [GuardTrx],
            CoverageFiles = [SmallCoverage()],
            ModelMetricsFile = ModelMetrics(latency: 100),
            BaselineFile = Baseline(),
            SecurityScanFiles = [Fixtures.Path("security", "trivy", "defectdojo-trivy-scheme_2_no_vuln.json")],
            Publish = new CiReportOptions { Webhook = new WebhookOptions(webhook.Url()) { Always = true } },
        });

        Verify("report-passing.json", result);
        Verify("webhook-passed.json", System.Text.Encoding.UTF8.GetBytes(webhook.WaitForRequest()!.Body));
    }

    /// <summary>Also its line in blocks.jsonl, the webhook it posts and the blocked run's registry record (id and times normalised).</summary>
    [Fact]
    public void BlockedRunOnACiServer()
    {
        using var webhook = new LocalHttpServer();
        var result = Run(new GateRunRequest
        {
            Context = "production",
            Model = Veran,
            TestResultFiles = [GuardTrx],
            CoverageFiles = [GuardCoverage],
            ModelMetricsFile = ModelMetrics(latency: 180),
            BaselineFile = Baseline(),
            SecurityScanFiles = [DebianBuster],
            Registry = new RegistryOptions { Folder = "registry", ApprovedBy = "ci-bot" },
            Publish = new CiReportOptions { Webhook = new WebhookOptions(webhook.Url()) },
        }, ("GITHUB_ACTIONS", "true"), ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "acme/veran"),
            ("GITHUB_RUN_ID", "4242"), ("GITHUB_RUN_NUMBER", "17"), ("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"));

        Verify("report-blocked.json", result);
        Verify("blocks.jsonl", File.ReadAllBytes(result.Files!.BlockLog!));
        Verify("webhook-blocked.json", System.Text.Encoding.UTF8.GetBytes(webhook.WaitForRequest()!.Body));
        VerifyRecord("registry-blocked-run.jsonl", Path.Combine(_dir.Path, "registry", "veran.jsonl"));
    }

    [Fact]
    public void WaivedCheckAndFindingWithEveryWaiverState()
    {
        var waivers = _dir.Write("qualitygates.waivers.json", """
            { "waivers": [
              { "advisory": "CVE-2019-18224", "package": "libidn2-0", "contexts": ["staging", "production"],
                "owner": "team-platform@example.com", "reason": "no fixed version in the base image yet", "expires": "2027-01-31" },
              { "gate": "coverage.line", "contexts": ["production"], "owner": "alice@example.com",
                "reason": "legacy module <being> rewritten & \"tested\"", "expires": "2026-12-20" },
              { "advisory": "CVE-2011-3374", "owner": "bob@example.com", "reason": "not reachable", "expires": "2027-02-15" },
              { "gate": "security.high", "owner": "carol@example.com", "reason": "old exception", "expires": "2026-01-31" } ] }
            """);
        Verify("report-waived.json", Run(new GateRunRequest
        {
            Context = "production",
            Strict = false,
            Groups = GateGroup.Security | GateGroup.Coverage,
            CoverageFiles = [GuardCoverage],
            SecurityScanFiles = [DebianBuster],
            WaiversFile = waivers,
            Model = Veran,
            Registry = new RegistryOptions { Folder = "registry", ApprovedBy = "qa@example.com" },
        }, (WaiverSet.TodayVariable, "2026-11-30")));
        VerifyRecord("registry-approved-on-pass.jsonl", Path.Combine(_dir.Path, "registry", "veran.jsonl"));
    }

    [Fact]
    public void PassingChecksInTheWarningBand() => Verify("report-warning.json", Run(new GateRunRequest
    {
        Context = "staging",
        Groups = GateGroup.Tests | GateGroup.Coverage,
        TestResultFiles = [GuardTrx],
        CoverageFiles = [SmallCoverage()],
        Overrides = [new ThresholdOverride("WarnCodeCoverage", "0.9", "QualityGatesWarnCodeCoverage"), new ThresholdOverride("WarnTestPassRate", "0.999", "QualityGatesWarnTestPassRate")],
    }));

    [Fact]
    public void SolutionReportWithMergedShardsAndACopy()
    {
        var net8 = Fixtures.Path("trx", "stateless-multitfm_net8.0_20261126074954.trx");
        var copy = Path.Combine(_dir.Path, "artifacts", "shard-2", "copy.trx");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(net8, copy);
        Verify("report-solution.json", Run(new GateRunRequest
        {
            Context = "development",
            Groups = GateGroup.Tests | GateGroup.Coverage,
            TestResultFiles = [net8, Fixtures.Path("trx", "stateless-multitfm_net10.0_20261126075008.trx"), copy],
            CoverageFiles = [SmallCoverage(), GuardCoverage],
            CoverageFilter = new() { ExcludeAssemblies = ["Veran.Tests"], ExcludeFiles = ["**/Generated/*.cs"] },
            SolutionProjects =
            [
                new SolutionProject("Veran.Core.Tests", new TestCounts(120, 117, 2, 1), new CoverageCounts(410, 500, 33, 40)),
                new SolutionProject("Veran.Api.Tests", new TestCounts(3, 0, 0, 3), null),
                new SolutionProject("Veran.Docs.Tests", null, new CoverageCounts(0, 0, 0, 0)),
            ],
        }));
    }

    [Fact]
    public void SecurityFindingsOfPackagesAndSarifResults() => Verify("report-security.json", Run(new GateRunRequest
    {
        Context = "production",
        Strict = false,
        Groups = GateGroup.Security,
        SecurityScanFiles = [DebianBuster, Fixtures.Path("security", "sarif", "defectdojo-gitleaks_7.5.0.sarif"), Fixtures.Path("security", "grype", "defectdojo-grype-fix_available.json")],
    }));

    [Fact]
    public void RatchetAgainstANamedBaselineReport()
    {
        var baseline = Run(new GateRunRequest { Context = "development", Model = Veran, TestResultFiles = [GuardTrx], CoverageFiles = [SmallCoverage()] }).Files!.Json;
        Verify("report-ratchet.json", Run(new GateRunRequest
        {
            Context = "staging",
            Model = Veran,
            Groups = GateGroup.Tests | GateGroup.Coverage,
            TestResultFiles = [GuardTrx],
            CoverageFiles = [GuardCoverage],
            Overrides = [new ThresholdOverride("MinCodeCoverage", "0.4", "QualityGatesMinCodeCoverage")],
            Ratchet = new RatchetOptions { BaselineReport = baseline },
        }));
    }

    [Fact]
    public void ModelMetricsAgainstABaselineFile() => Verify("report-model.json", Run(new GateRunRequest
    {
        Context = "staging",
        Model = new ModelIdentity("veran-ünï", "v6.2-β"),
        Groups = GateGroup.Model,
        ModelMetricsFile = ModelMetrics(latency: 123.456789),
        BaselineFile = Baseline(),
    }));

    /// <summary>Real BenchmarkDotNet runs of one class: a regressed run against its baseline, so <c>metrics.benchmarks</c> has every outcome it can.</summary>
    [Fact]
    public void BenchmarksAgainstABaselineRun() => Verify("report-benchmarks.json", Run(new GateRunRequest
    {
        Context = "staging",
        Model = Veran,
        Groups = GateGroup.Benchmarks,
        Benchmarks = new BenchmarkOptions
        {
            Files = [BenchmarkFixtures.Full("regressed", "ParseBenchmarks")],
            BaselineFiles = [BenchmarkFixtures.Full("base", "ParseBenchmarks")],
        },
    }));

    /// <summary>New-code coverage needs a git history; its section is made here with the figures a diff gives.</summary>
    [Fact]
    public void NewCodeCoverageWithUncoveredRangesAndUntestedFiles()
    {
        var newCode = new NewCodeCoverage
        {
            BaseRef = "origin/main",
            BaseRefSource = "GITHUB_BASE_REF",
            MergeBase = "0123456789abcdef0123456789abcdef01234567",
            RepositoryRoot = "/home/runner/work/veran",
            ChangedFiles = 4,
            ChangedLines = 57,
            LinesCovered = 9,
            LinesValid = 14,
            Files =
            [
                new NewCodeFile("src/Lib/Calc.cs", 3, 6, [new LineRange(14, 15), new LineRange(20, 20)]),
                new NewCodeFile("src/Lib/Ünïcode<T>.cs", 1, 3, [new LineRange(2, 3)]),
                new NewCodeFile("src/Lib/Covered.cs", 5, 5, []),
            ],
            UntestedFiles = ["src/Tools/Gen.cs"],
            UntestedLines = 12,
        };
        var inputs = new GateInputs { Coverage = SampleReports.PassingCoverage, NewCode = newCode };
        var report = new QualityGate(new GateOptions(DeploymentContext.Staging) { Groups = GateGroup.Coverage, NewCode = true }, new FixedTimeProvider(Time))
            .Evaluate(inputs, Veran);

        Verify("report-new-code.json", JsonReportWriter.ToUtf8(report));
    }

    /// <summary>
    /// What no fixture holds: HTML-sensitive and non-ASCII text, control characters, a lone surrogate, numbers
    /// that are not finite, more failed tests than are listed, a message cut short, every <c>ci</c> member.
    /// </summary>
    [Fact]
    public void HostileTextAndNumbersAndTheListLimits()
    {
        const string hostile = "<script>alert('x')</script> & \"quoted\" \\ ≥ → é 😀 \u0001\u007f\u2028 \t tab\nline \uD800 lone";
        var failed = Enumerable.Range(1, JsonMetricsWriterLimit + 1)
            .Select(i => new FailedTest(i == 1 ? "Suite.<Hostile>&Name(\"é\")" : $"Suite.T{i}", i == 1 ? hostile + new string('x', 2500) : "Expected 1"))
            .ToList();
        var inputs = new GateInputs
        {
            Tests = SampleReports.FailingTests with { FailedTests = failed, SourceFiles = ["/builds/tests & more.trx"], Duration = TimeSpan.FromMilliseconds(1234.5678) },
            ReportedLineRate = 0.1 + 0.2,
            Model = SampleReports.PassingModel with { Perplexity = double.NaN, LatencyMs = double.PositiveInfinity, SourceFile = "/builds/métriques.json" },
            Files = [new InputFileRead("/builds/tests & more.trx", "TRX", hostile), new InputFileRead("/builds/copy.trx", "TRX", InputFileRead.CopyContribution, "/builds/tests & more.trx")],
        };
        var report = SampleReports.Evaluate(inputs, new ModelIdentity("veran<&>", "v6.2 \"β\""), Time) with { Warnings = [hostile, "second warning"] };
        var ci = new CiBuildInfo("jenkins", "42 <&>", "https://ci.example/job/x/42/?a=1&b=<2>", "0123456789abcdef");

        Verify("report-hostile.json", JsonReportWriter.ToUtf8(report, ci));
    }

    [Fact]
    public void NoChecksAndNoModel() => Verify("report-empty.json", JsonReportWriter.ToUtf8(SampleReports.Empty()));

    /// <summary>Failed tests the report lists (the rest are counted).</summary>
    private const int JsonMetricsWriterLimit = 100;

    internal GateRunResult Run(GateRunRequest request, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(v => v.Name, v => v.Value);
        var result = new GateRun(new FixedTimeProvider(Time)).Execute(request with
        {
            BaseDirectory = _dir.Path,
            Reports = new ReportOptions { Folder = "reports" },
            Environment = variables.GetValueOrDefault,
        }, TextWriter.Null);
        Assert.True(result.Files is not null, string.Join("\n", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        return result;
    }

    private void Verify(string name, GateRunResult result)
    {
        var bytes = File.ReadAllBytes(result.Files!.Json);
        Assert.Equal(bytes, File.ReadAllBytes(result.Files.Latest));
        Verify(name, bytes);
    }

    /// <summary>A registry file written by a run: its record's id and time are new on every run.</summary>
    private void VerifyRecord(string name, string file)
    {
        var actual = GoldenFile.WithoutIdsAndTimes(GoldenFile.Normalise(File.ReadAllBytes(file), (_dir.Path, "<temp>")));
        Assert.Equal(GoldenFile.Expected(Path.Combine(Folder, name), actual), actual);
    }

    internal void Verify(string name, byte[] json)
    {
        var actual = GoldenFile.Normalise(json, (_dir.Path, "<temp>"), (Fixtures.Path(), "<fixtures>"));
        Assert.Equal(GoldenFile.Expected(Path.Combine(Folder, name), actual), actual);
    }

    /// <summary>A small Cobertura file: one package with a non-ASCII and HTML-sensitive path, 9 of 10 lines and 3 of 4 branches covered.</summary>
    private string SmallCoverage() => _dir.Write("coverage.cobertura.xml", new CoberturaXml("/src")
        .Class("Veran.Core", "Lib/Calc.cs", null,
            [.. Enumerable.Range(1, 6).Select(i => $"number=\"{i}\" hits=\"{(i == 4 ? 0 : 1)}\"" + (i == 2 ? " branch=\"true\" condition-coverage=\"75% (3/4)\"" : string.Empty))])
        .Class("Veran.Core", "Lib/Ünïcode&lt;T&gt;.cs", methodLines: null, [.. Enumerable.Range(1, 4).Select(i => $"number=\"{i}\" hits=\"1\"")])
        .ToString());

    private string ModelMetrics(double latency) => _dir.Write("model-metrics.json", string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""
        { "quality_score": 0.87, "accuracy": 0.91, "f1_score": 0.89, "perplexity": 12.5, "latency_ms": {{latency}},
          "throughput_tokens_per_sec": 45.2, "memory_mb": 1000 }
        """));

    private string Baseline() => _dir.Write("baseline-metrics.json", """{ "quality_score": 0.85, "latency_ms": 95, "memory_mb": 950 }""");
}
