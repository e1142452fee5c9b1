namespace QualityGates.Benchmarks;

/// <summary>One generated class: its package, file and methods, each method a run of lines.</summary>
internal sealed record GeneratedClass(string Package, string FileName, string Name, IReadOnlyList<IReadOnlyList<GeneratedLine>> Methods);
