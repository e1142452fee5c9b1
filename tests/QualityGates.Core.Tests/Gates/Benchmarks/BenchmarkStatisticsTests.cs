using QualityGates.Gates.Benchmarks;

namespace QualityGates.Tests.Gates.Benchmarks;

/// <summary>
/// The time test against known samples. Reference p-values from SciPy 1.10.1 (Debian's python3-scipy):
/// <c>scipy.stats.mannwhitneyu(current, [b * 1.2 for b in baseline], alternative="greater", method="exact")</c>,
/// the same test with the 20 % minimum effect applied to the baseline (docs/benchmarks.md, "A worked example").
/// </summary>
public sealed class BenchmarkStatisticsTests
{
    private static readonly double[] Baseline = [100, 102, 98, 101, 99, 103, 97, 100.5];
    private static readonly double[] Current = [125, 130, 118, 127, 122, 131, 124, 126, 129, 121];

    [Fact]
    public void GivesTheExactPValueSciPyGivesForTheWorkedExample()
    {
        // U = 69 of 80 pairs; P(U >= 69) = 187 / C(18, 8) = 187 / 43758.
        Assert.Equal(0.004273504273504274, BenchmarkStatistics.SlowerPValue(Current, Baseline, 0.20), 12);
        Assert.Equal(187.0 / 43758, BenchmarkStatistics.SlowerPValue(Current, Baseline, 0.20), 12);
    }

    [Fact]
    public void TheMinimumEffectDecidesSignificanceNotTheShiftAlone()
    {
        // About 24 % slower: significant at a 20 % minimum effect, not at 30 %, very much so at 0 %.
        Assert.True(BenchmarkStatistics.SlowerPValue(Current, Baseline, 0.20) < BenchmarkStatistics.Alpha);
        Assert.True(BenchmarkStatistics.SlowerPValue(Current, Baseline, 0.30) > 0.5);
        Assert.Equal(2.2852964029434616e-05, BenchmarkStatistics.SlowerPValue(Current, Baseline, 0), 12);
    }

    [Fact]
    public void LargeSamplesUseTheEdgeworthApproximationCloseToTheExactValue()
    {
        // 40 + 40 measurements (above the 65 the exact distribution is used for); SciPy exact: 3.294732015530344e-06,
        // SciPy's normal approximation: 6.678196439369976e-06.
        double[] baseline =
        [
            992.324, 1015.343, 993.217, 990.548, 972.099, 993.601, 1033.358, 1012.724, 1031.106, 1007.467, 1011.843, 1005.56, 950.018, 1025.658,
            1015.192, 1014.965, 949.259, 947.683, 973.312, 985.954, 1009.163, 998.623, 1015.629, 980.733, 1009.261, 1011.825, 980.166, 1051.526,
            1016.698, 1035.91, 981.39, 977.815, 989.679, 996.807, 1018.962, 1007.453, 986.579, 971.293, 984.382, 1036.628,
        ];
        double[] current =
        [
            1217.682, 1259.79, 1267.061, 1190.41, 1251.939, 1302.25, 1169.425, 1237.136, 1245.754, 1217.31, 1269.896, 1247.509, 1191.414, 1283.114,
            1276.773, 1287.834, 1307.624, 1264.49, 1254.771, 1198.033, 1274.618, 1225.53, 1231.892, 1199.408, 1211.295, 1228.755, 1301.554, 1168.728,
            1191.692, 1259.574, 1307.734, 1273.14, 1174.002, 1149.271, 1264.296, 1220.55, 1205.209, 1289.095, 1294.071, 1256.29,
        ];

        var p = BenchmarkStatistics.SlowerPValue(current, baseline, 0.20);

        Assert.InRange(p, 3.294732015530344e-06 * 0.8, 3.294732015530344e-06 * 1.25);
    }

    [Theory]
    [InlineData(3, 3, 0.05)]
    [InlineData(3, 4, 1.0 / 35)]
    [InlineData(20, 20, 7.25e-12)]
    public void TheSmallestPValueOfASampleSizeSaysWhetherItCanBeJudged(int n, int m, double smallest)
    {
        Assert.Equal(smallest, BenchmarkStatistics.SmallestPValue(n, m), smallest * 0.01);
        Assert.Equal(smallest < BenchmarkStatistics.Alpha, BenchmarkStatistics.CanJudge(n, m));
    }
}
