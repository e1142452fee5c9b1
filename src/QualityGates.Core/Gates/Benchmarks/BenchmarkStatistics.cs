using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace QualityGates.Gates.Benchmarks;

/// <summary>
/// The time test of the benchmark gate: the one-sided Mann-Whitney U test BenchmarkDotNet's statistical
/// test column and dotnet/performance's ResultsComparer run, from Perfolizer (BenchmarkDotNet's statistics
/// library), with the gate's maximum increase as the minimum effect: H0 "this run is at most
/// <c>1 + increase</c> times the baseline", H1 "it is slower than that". Perfolizer applies a relative
/// threshold to every baseline measurement (<c>x · (1 + increase)</c>), counts U and takes its p-value from
/// the exact distribution (Löffler's algorithm) up to 65 measurements in all, from an Edgeworth expansion
/// above (docs/benchmarks.md has a worked example).
/// </summary>
internal static class BenchmarkStatistics
{
    /// <summary>The significance level: ResultsComparer's (a p-value below it rejects H0).</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The p-value of "<paramref name="slower"/> is more than <c>1 + <paramref name="increase"/></c> times
    /// <paramref name="faster"/>": one-sided Mann-Whitney U, the threshold applied to <paramref name="faster"/>.
    /// </summary>
    /// <param name="slower">The measurements claimed slower (this run's, to find a regression).</param>
    /// <param name="faster">The measurements it is compared with (the baseline's).</param>
    /// <param name="increase">The minimum effect as a fraction (0.20 = 20 % slower); 0 tests for any slowdown.</param>
    public static double SlowerPValue(IReadOnlyList<double> slower, IReadOnlyList<double> faster, double increase)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slower.Count);
        ArgumentOutOfRangeException.ThrowIfZero(faster.Count);
        var threshold = new Threshold(PercentValue.Of(increase * 100).ToMeasurement());
        return MannWhitneyTest.Instance.Perform(new Sample(slower.ToArray()), new Sample(faster.ToArray()), AlternativeHypothesis.Greater, threshold).PValue;
    }

    /// <summary>
    /// The smallest p-value the one-sided test can give for samples of <paramref name="n"/> and
    /// <paramref name="m"/> measurements: 1 / C(n + m, n), when every measurement of one sample is above every
    /// one of the other. When it is not below <see cref="Alpha"/>, no result can be significant: too few
    /// measurements to judge (3 and 3 give 0.05).
    /// </summary>
    public static double SmallestPValue(int n, int m)
    {
        // C(n + m, n) as a product of ratios: exact enough, and no overflow for thousands of measurements.
        var combinations = 1.0;
        for (var i = 1; i <= Math.Min(n, m); i++)
        {
            combinations *= (double)(Math.Max(n, m) + i) / i;
            if (combinations > 1e300)
            {
                return 0;
            }
        }

        return 1 / combinations;
    }

    /// <summary>True when samples this large can show a significant difference at all (<see cref="SmallestPValue"/> below <see cref="Alpha"/>).</summary>
    public static bool CanJudge(int n, int m) => SmallestPValue(n, m) < Alpha;
}
