using BenchmarkDotNet.Attributes;

namespace QualityGates.BenchmarkSubject;

/// <summary>Two string operations at two lengths: four benchmarks told apart only by their parameter.</summary>
public class TextBenchmarks
{
    private string _text = string.Empty;

    [Params(1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => _text = new string('q', Length / 2) + new string('G', Length - (Length / 2));

    [Benchmark]
    public string Reverse() => string.Create(_text.Length, _text, static (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = text[text.Length - 1 - i];
        }
    });

    [Benchmark]
    public string Upper() => _text.ToUpperInvariant();
}
