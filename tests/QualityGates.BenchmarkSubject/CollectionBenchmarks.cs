using BenchmarkDotNet.Attributes;

namespace QualityGates.BenchmarkSubject;

/// <summary>A sort of a copied array and dictionary look-ups: work that allocates and work that does not.</summary>
public class CollectionBenchmarks
{
    private readonly int[] _numbers = Enumerable.Range(0, 1000).Select(i => (i * 7919) % 1000).ToArray();
    private readonly Dictionary<int, int> _squares = Enumerable.Range(0, 10_000).ToDictionary(i => i, i => i * i);

    [Benchmark]
    public int SortCopy()
    {
        var copy = (int[])_numbers.Clone();
        Array.Sort(copy);
        return copy[500];
    }

    [Benchmark]
    public long Lookup()
    {
        long sum = 0;
        for (var i = 0; i < 10_000; i += 3)
        {
            sum += _squares[i];
        }

        return sum;
    }
}
