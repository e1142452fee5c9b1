using System.Text.RegularExpressions;

namespace QualityGates.Configuration;

/// <summary>
/// The stable gate names. They become JUnit test-case names, so Jenkins tracks a gate's history by
/// them: never change one.
/// </summary>
internal static class GateNames
{
    public const string TestPassRate = "tests.pass_rate";
    /// <summary>Any failed test blocks (only with fail-on-any-test-failure); value = failed tests, threshold 0.</summary>
    public const string AnyTestFailure = "tests.any_failure";
    /// <summary>Tests that failed and then passed on a retry ≤ the maximum (only when one is set); value = flaky tests.</summary>
    public const string FlakyTests = "tests.flaky";
    public const string LineCoverage = "coverage.line";
    public const string BranchCoverage = "coverage.branch";
    public const string QualityScore = "model.quality_score";
    public const string Regression = "model.regression";
    public const string LatencyIncrease = "model.latency_increase";
    public const string MemoryIncrease = "model.memory_increase";
    public const string Throughput = "model.throughput";
    public const string CriticalVulnerabilities = "security.critical";
    public const string HighVulnerabilities = "security.high";
    public const string MediumVulnerabilities = "security.medium";

    /// <summary>The severity a security gate counts ("critical" for <c>security.critical</c>), or null for other gates.</summary>
    public static string? SeverityOf(string gate) => gate switch
    {
        CriticalVulnerabilities => "critical",
        HighVulnerabilities => "high",
        MediumVulnerabilities => "medium",
        _ => null,
    };

    // Per-assembly coverage (QualityGatesCoverageStat=Minimum).
    /// <summary>
    /// The gate of one assembly's coverage: <c>coverage.line[MyLib]</c>. Stable for as long as the assembly's
    /// name is, so Jenkins keeps each assembly's history as a test case of its own.
    /// </summary>
    /// <param name="gate"><see cref="LineCoverage"/> or <see cref="BranchCoverage"/>.</param>
    /// <param name="assembly">The Cobertura package name (for .NET producers, the assembly name).</param>
    public static string ForAssembly(string gate, string assembly) => $"{gate}[{assembly}]";

    /// <summary>The gate a per-assembly gate belongs to (<c>coverage.line[MyLib]</c> → <c>coverage.line</c>); any other gate as it is.</summary>
    public static string BaseOf(string gate)
    {
        var bracket = gate.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && gate.EndsWith(']') ? gate[..bracket] : gate;
    }
    /// <summary>True for a per-assembly gate (<c>coverage.line[MyLib]</c>).</summary>
    public static bool IsPerAssembly(string gate) => BaseOf(gate).Length != gate.Length;

    // New-code coverage and the ratchet.
    /// <summary>Coverage of the coverable lines the change added or modified (fraction 0–1).</summary>
    public const string NewCodeCoverage = "coverage.new_code";
    /// <summary>Line coverage may not drop below the baseline's by more than the tolerance; value and threshold are line rates (0–1).</summary>
    public const string RatchetLineCoverage = "ratchet.line_coverage";
    public const string RatchetBranchCoverage = "ratchet.branch_coverage";
    public const string RatchetTestPassRate = "ratchet.test_pass_rate";

    // Benchmark gates (BenchmarkDotNet exports against a baseline).
    /// <summary>No benchmark may be slower than its baseline beyond the maximum latency increase, significantly (Mann-Whitney U); value = the largest such increase (fraction).</summary>
    public const string BenchmarkTime = "benchmarks.time";
    /// <summary>No benchmark may allocate more bytes per operation than its baseline beyond the maximum memory increase; value in percent.</summary>
    public const string BenchmarkAllocated = "benchmarks.allocated";

    /// <summary>
    /// One benchmark's part of a benchmark gate: <c>benchmarks.time[MyLib.Parsers.Parse(Size: 100)]</c>, the
    /// JUnit case name Jenkins tracks the benchmark by, and what a waiver of that benchmark alone names.
    /// </summary>
    public static string ForBenchmark(string gate, string fullName) => $"{gate}[{fullName}]";

    /// <summary>True for <see cref="BenchmarkTime"/> and <see cref="BenchmarkAllocated"/>, and one benchmark's part of either.</summary>
    public static bool IsBenchmarkGate(string gate) => BaseOf(gate) is BenchmarkTime or BenchmarkAllocated;

    /// <summary>
    /// Every fixed gate name, in report order: the one list that waivers accept, that
    /// docs/qualitygates.waivers.schema.json repeats (a test holds them equal) and docs/checks.md describes.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TestPassRate, AnyTestFailure, FlakyTests, LineCoverage, BranchCoverage, NewCodeCoverage, RatchetLineCoverage, RatchetBranchCoverage, RatchetTestPassRate,
        QualityScore, Regression, LatencyIncrease, MemoryIncrease, Throughput, CriticalVulnerabilities, HighVulnerabilities, MediumVulnerabilities,
        BenchmarkTime, BenchmarkAllocated,
    ];

    /// <summary>
    /// The regular expression a per-assembly gate name matches (<see cref="ForAssembly"/>): <c>coverage.line[MyLib]</c>
    /// or <c>coverage.branch[MyLib]</c>; docs/qualitygates.waivers.schema.json carries the same pattern.
    /// </summary>
    public const string PerAssemblyPattern = @"^coverage\.(line|branch)\[[^\[\]]+\]$";

    /// <summary>
    /// The regular expression one benchmark's gate name matches (<see cref="ForBenchmark"/>): <c>benchmarks.time[…]</c> or
    /// <c>benchmarks.allocated[…]</c> around a full name, which may itself hold brackets (<c>Sum(values: [1, 2])</c>).
    /// </summary>
    public const string PerBenchmarkPattern = @"^benchmarks\.(time|allocated)\[.+\]$";

    /// <summary>True when <paramref name="gate"/> is one of <see cref="All"/>, a per-assembly gate of line or branch coverage, or one benchmark's gate.</summary>
    public static bool IsKnown(string gate) =>
        All.Contains(gate, StringComparer.Ordinal) || Regex.IsMatch(gate, PerAssemblyPattern, RegexOptions.CultureInvariant)
        || Regex.IsMatch(gate, PerBenchmarkPattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
