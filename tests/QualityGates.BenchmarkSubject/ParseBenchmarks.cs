using BenchmarkDotNet.Attributes;

namespace QualityGates.BenchmarkSubject;

/// <summary>Sums the numbers of one CSV line. The Regressed variant splits the line into strings first (slower, allocating); Broken throws.</summary>
public class ParseBenchmarks
{
    private readonly string _line = string.Join(',', Enumerable.Range(1, 200));

    [Benchmark]
    public long SumCsv()
    {
#if BROKEN
        throw new InvalidOperationException("SumCsv is broken in this variant.");
#elif REGRESSED
        long sum = 0;
        foreach (var part in _line.Split(',').ToList())
        {
            sum += int.Parse(part.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return sum + _line.Split(',').Length - 200;
#else
        long sum = 0;
        var rest = _line.AsSpan();
        while (rest.Length > 0)
        {
            var comma = rest.IndexOf(',');
            var part = comma < 0 ? rest : rest[..comma];
            sum += int.Parse(part, provider: System.Globalization.CultureInfo.InvariantCulture);
            rest = comma < 0 ? [] : rest[(comma + 1)..];
        }

        return sum;
#endif
    }
}
