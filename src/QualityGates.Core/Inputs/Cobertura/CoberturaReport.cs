namespace QualityGates.Inputs.Cobertura;

/// <summary>What one Cobertura file says: a tally per package and source file, before merging with other files.</summary>
internal sealed class CoberturaReport
{
    /// <summary>Tallies by package name and normalised source path.</summary>
    public Dictionary<(string Package, string SourcePath), LineTally> Files { get; } = new();

    /// <summary>Every package named, including those without lines, so reports can list them.</summary>
    public HashSet<string> Packages { get; } = new(StringComparer.Ordinal);
}
