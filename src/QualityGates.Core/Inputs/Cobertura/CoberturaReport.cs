namespace QualityGates.Inputs.Cobertura;

/// <summary>What one Cobertura file says: a tally per package and source file, before merging with other files.</summary>
internal sealed class CoberturaReport
{
    /// <summary>Package name → normalised source path → tally. Packages without classes are kept, empty.</summary>
    public Dictionary<string, Dictionary<string, LineTally>> Packages { get; } = new(StringComparer.Ordinal);

    /// <summary>The files of <paramref name="package"/>, created empty on first use.</summary>
    public Dictionary<string, LineTally> FilesOf(string package)
    {
        if (!Packages.TryGetValue(package, out var files))
        {
            files = new Dictionary<string, LineTally>(StringComparer.Ordinal);
            Packages.Add(package, files);
        }

        return files;
    }

    /// <summary>The file's own line figures, before merging and filtering.</summary>
    public CoverageTotals Totals() => Packages.Values.SelectMany(files => files.Values)
        .Aggregate(default(CoverageTotals), (sum, tally) => sum + tally.Totals());
}
