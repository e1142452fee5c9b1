namespace QualityGates.Benchmarks;

/// <summary>One coverable line of a generated method: its number, hits and branch counts (0/0 for none).</summary>
internal readonly record struct GeneratedLine(int Number, int Hits, int BranchesCovered, int BranchesValid);
