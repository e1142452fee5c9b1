using QualityGates.Inputs.Cobertura;

namespace QualityGates.Tests.Inputs.Cobertura;

/// <summary>
/// The compact bits-plus-dictionary tally against the plain rule it implements: within a class a line's
/// entries are one (covered if any is, the larger branch figures), within a report every class's entry adds,
/// across reports each line takes the larger figure.
/// </summary>
public sealed class LineTallyAgainstAModel
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 5)]
    [InlineData(5, 8)]
    [InlineData(6, 12)]
    public void AgreesWithADictionaryPerLine(int seed, int reports)
    {
        var random = new Random(seed);
        LineTally? merged = null;
        var model = new Dictionary<int, long[]>();
        for (var r = 0; r < reports; r++)
        {
            var tally = new LineTally();
            var report = new Dictionary<int, long[]>();
            var inClass = new Dictionary<int, long[]>();
            tally.BeginClass();
            for (var i = 0; i < 400; i++)
            {
                if (random.Next(40) == 0)
                {
                    AddClass(report, inClass);
                    tally.BeginClass();
                }

                // Few distinct lines so that repeats within classes, reports and across reports are common; a few lines past the bit range.
                var line = random.Next(8) == 0 ? LineTally.MaxBitLine + random.Next(5) : random.Next(60);
                var covered = random.Next(3) == 0;
                var valid = random.Next(4) == 0 ? random.Next(1, 5) : 0;
                var branchesCovered = valid == 0 ? 0 : random.Next(valid + 1);
                tally.Record(line, covered, branchesCovered, valid);
                var entry = inClass.TryGetValue(line, out var seen) ? seen : inClass[line] = new long[4];
                entry[0] = 1;
                entry[1] = Math.Max(entry[1], covered ? 1 : 0);
                entry[2] = Math.Max(entry[2], branchesCovered);
                entry[3] = Math.Max(entry[3], valid);
            }

            AddClass(report, inClass);

            foreach (var (line, counts) in report)
            {
                var total = model.TryGetValue(line, out var existing) ? existing : model[line] = new long[4];
                for (var k = 0; k < 4; k++)
                {
                    total[k] = Math.Max(total[k], counts[k]);
                }
            }

            if (merged is null)
            {
                merged = tally;
            }
            else
            {
                merged.MergeFrom(tally);
            }
        }

        var expected = new CoverageTotals(model.Values.Sum(c => c[1]), model.Values.Sum(c => c[0]), model.Values.Sum(c => c[2]), model.Values.Sum(c => c[3]));
        Assert.Equal(expected, merged!.Totals());
    }

    /// <summary>Adds a class's lines (one entry each) to its report, where every class's entry adds up.</summary>
    private static void AddClass(Dictionary<int, long[]> report, Dictionary<int, long[]> inClass)
    {
        foreach (var (line, entry) in inClass)
        {
            var counts = report.TryGetValue(line, out var existing) ? existing : report[line] = new long[4];
            for (var k = 0; k < 4; k++)
            {
                counts[k] += entry[k];
            }
        }

        inClass.Clear();
    }

    [Fact]
    public void PlainLinesStayOutOfTheDictionaryAndCountOnceAcrossReports()
    {
        var first = new LineTally();
        var second = new LineTally();
        for (var line = 1; line <= 1000; line++)
        {
            first.Record(line, covered: line % 2 == 0, 0, 0);
            second.Record(line, covered: line % 3 == 0, 0, 0);
        }

        first.MergeFrom(second);

        // Covered: even or multiple of three = 500 + 333 - 166.
        Assert.Equal(new CoverageTotals(667, 1000, 0, 0), first.Totals());
    }
}
