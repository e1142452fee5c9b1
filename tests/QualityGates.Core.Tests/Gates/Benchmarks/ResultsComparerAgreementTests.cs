using System.Globalization;
using System.Text.Json;
using QualityGates.Gates.Benchmarks;
using QualityGates.Gates;
using QualityGates.Inputs.Benchmarks;
using QualityGates.Running;
using QualityGates.Tests.Inputs.Benchmarks;
using Xunit.Abstractions;

namespace QualityGates.Tests.Gates.Benchmarks;

/// <summary>
/// The gate's time verdicts side by side with dotnet/performance's ResultsComparer on the same two runs. ResultsComparer
/// cannot be built here (it pins Perfolizer 0.2.1 and MarkdownLog.NS20, which the package registry does not serve), so
/// its verdict is re-derived from its documented rule (its README and TwoInputsComparer): for each benchmark in both
/// runs, two one-sided Mann-Whitney tests (TOST) on <c>Statistics.OriginalValues</c> at α = 0.05 with an additive
/// shift of the threshold times the mean of the tested sample (Perfolizer 0.2.1's relative threshold): "Faster" when the
/// baseline is greater than this run plus the shift, else "Slower" when this run is greater than the baseline plus the
/// shift, else "Same"; a result that is "Same" at the 0.3 ns noise threshold is dropped; p exact for up to 65
/// measurements in all (every pair here). The output of each comparison is written to the test log.
/// </summary>
public sealed class ResultsComparerAgreementTests(ITestOutputHelper output)
{
    private const double Threshold = 0.20, Noise = 0.3, Alpha = 0.05;

    [Theory]
    [InlineData("rerun", new string[0])]
    [InlineData("regressed", new[] { BenchmarkFixtures.SumCsv })]
    public void TheGateRegressesExactlyTheBenchmarksResultsComparerCallsSlower(string run, string[] slower)
    {
        var before = OriginalValues("base");
        var after = OriginalValues(run);
        var gate = new GateRun().Execute(new GateRunRequest
        {
            Groups = GateGroup.Benchmarks,
            Benchmarks = new BenchmarkOptions { Files = [BenchmarkFixtures.AllFull(run)], BaselineFiles = [BenchmarkFixtures.AllFull("base")] },
            Environment = _ => null,
        }, TextWriter.Null).Report!.Inputs.Benchmarks!;

        output.WriteLine($"base vs {run}, threshold {Threshold:P0}, noise {Noise} ns");
        output.WriteLine($"{"benchmark",-58} {"ResultsComparer",-16} {"ratio (median)",15}   gate (p)");
        var comparer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, x) in before.Where(b => after.ContainsKey(b.Key)))
        {
            var y = after[name];
            comparer[name] = Verdict(x, y);
            var verdict = gate.Benchmarks.Single(b => b.FullName == name);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name[BenchmarkFixtures.Namespace.Length..],-58} {comparer[name],-16} {Median(y) / Median(x),15:0.00}   {verdict.Time} (p = {(verdict.PValue is double p ? QualityGates.Gates.Benchmarks.BenchmarkText.PValue(p) : "-")})"));
        }

        Assert.Equal(slower, comparer.Where(c => c.Value == "Slower").Select(c => c.Key));
        Assert.Equal(slower, gate.Benchmarks.Where(b => b.Time == BenchmarkOutcome.Regressed).Select(b => b.FullName));
    }

    /// <summary>ResultsComparer's conclusion for baseline <paramref name="x"/> against diff <paramref name="y"/>: Faster, Slower or Same (noise: Same).</summary>
    private static string Verdict(double[] x, double[] y)
    {
        var conclusion = Tost(x, y, shift: s => s.Average() * Threshold);
        return conclusion == "Same" || Tost(x, y, shift: _ => Noise) == "Same" ? "Same" : conclusion;
    }

    private static string Tost(double[] baseline, double[] diff, Func<double[], double> shift)
    {
        if (baseline.SequenceEqual(diff))
        {
            return "Same";
        }

        return IsGreater(baseline, diff, shift(baseline)) < Alpha ? "Faster"
            : IsGreater(diff, baseline, shift(diff)) < Alpha ? "Slower"
            : "Same";
    }

    /// <summary>The p-value of "x is greater than y + shift": U counts pairs with x above the shifted y (ties half), p = P(U ≥ u) under H0, exact.</summary>
    private static double IsGreater(double[] x, double[] y, double shift)
    {
        Assert.True(x.Length + y.Length <= 65, "ResultsComparer's exact branch; these fixtures stay inside it.");
        var u = x.Sum(a => y.Sum(b => a > b + shift ? 1.0 : a == b + shift ? 0.5 : 0));
        var counts = Frequencies(x.Length, y.Length);
        return counts.Skip((int)Math.Ceiling(u - 1e-9)).Sum() / counts.Sum();
    }

    /// <summary>How many of the C(n + m, n) orderings of two samples give each U from 0 to n·m.</summary>
    private static double[] Frequencies(int n, int m)
    {
        var table = new double[n + 1, m + 1][];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                var f = new double[(i * j) + 1];
                if (i == 0 || j == 0)
                {
                    f[0] = 1;
                }
                else
                {
                    // The largest value belongs to x (adds j to U) or to y (adds nothing).
                    var withX = table[i - 1, j];
                    var withY = table[i, j - 1];
                    for (var k = 0; k < withX.Length; k++)
                    {
                        f[k + j] += withX[k];
                    }

                    for (var k = 0; k < withY.Length; k++)
                    {
                        f[k] += withY[k];
                    }
                }

                table[i, j] = f;
            }
        }

        return table[n, m];
    }

    private static Dictionary<string, double[]> OriginalValues(string run) =>
        Directory.GetFiles(Fixtures.Path("benchmarks", run), "*-report-full.json")
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("Benchmarks").EnumerateArray())
            .ToDictionary(b => b.GetProperty("FullName").GetString()!, b => b.GetProperty("Statistics").GetProperty("OriginalValues").EnumerateArray().Select(v => v.GetDouble()).ToArray());

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
