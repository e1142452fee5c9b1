namespace QualityGates.Benchmarks;

/// <summary>
/// The content of a generated coverlet-style report, drawn from a fixed seed so that the totals pass
/// and the writing pass see the same classes without holding them all in memory.
/// </summary>
internal sealed class CoverletShapedPlan
{
    private readonly int _lines;
    private readonly int _seed;
    private readonly int? _hitSeed;

    /// <param name="lines">Class-level lines in all.</param>
    /// <param name="seed">Draws the classes, methods and lines (and the hits, without <paramref name="hitSeed"/>).</param>
    /// <param name="hitSeed">When set, draws the hits and covered branches alone: reports of the same code run by different tests (CI shards).</param>
    public CoverletShapedPlan(int lines, int seed = 20261126, int? hitSeed = null)
    {
        _lines = lines;
        _seed = seed;
        _hitSeed = hitSeed;
    }

    /// <summary>The classes, with exactly <c>lines</c> class-level lines in total.</summary>
    public IEnumerable<GeneratedClass> Classes()
    {
        var random = new Random(_seed);
        var hitRandom = _hitSeed is { } hitSeed ? new Random(hitSeed) : random;
        var remaining = _lines;
        var file = 0;
        while (remaining > 0)
        {
            // A file of one to three classes (a type plus its nested or compiler-generated ones).
            file++;
            var package = $"Big.Module{file % 8:D2}";
            var fileName = $"Feature{file / 50:D4}/Type{file:D6}.cs";
            var lineNumber = 10;
            var classes = random.Next(1, 4);
            for (var c = 0; c < classes && remaining > 0; c++)
            {
                var name = c == 0 ? $"Big.Feature{file / 50:D4}.Type{file:D6}" : $"Big.Feature{file / 50:D4}.Type{file:D6}/<>c__DisplayClass{c}_0";
                var methods = new List<IReadOnlyList<GeneratedLine>>();
                var methodCount = random.Next(2, 13);
                for (var m = 0; m < methodCount && remaining > 0; m++)
                {
                    var covered = hitRandom.Next(10) < 7;
                    var length = Math.Min(remaining, random.Next(3, 26));
                    var lines = new GeneratedLine[length];
                    for (var i = 0; i < length; i++)
                    {
                        var hits = covered && hitRandom.Next(20) != 0 ? hitRandom.Next(1, 60) : 0;
                        var branchesValid = random.Next(8) == 0 ? (random.Next(3) == 0 ? 4 : 2) : 0;
                        var branchesCovered = branchesValid == 0 || hits == 0 ? 0 : hitRandom.Next(branchesValid + 1);
                        lines[i] = new GeneratedLine(lineNumber, hits, branchesCovered, branchesValid);
                        lineNumber += random.Next(1, 4);
                    }

                    lineNumber += random.Next(2, 8);
                    remaining -= length;
                    methods.Add(lines);
                }

                yield return new GeneratedClass(package, fileName, name, methods);
            }
        }
    }
}
