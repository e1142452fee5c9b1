namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// What one report says about one source line, for the few lines a bit cannot describe: lines with
/// branches, and lines that one report lists more than once (a lambda's class repeats its line).
/// </summary>
internal struct LineCounts
{
    /// <summary>How many class-level <c>&lt;line&gt;</c> entries the line has (each counts as a coverable line).</summary>
    public int Entries;

    /// <summary>How many of those entries have hits &gt; 0.</summary>
    public int CoveredEntries;

    public int BranchesCovered;

    public int BranchesValid;

    /// <summary>The larger of each figure: how the same line from two reports merges.</summary>
    public static LineCounts Max(LineCounts a, LineCounts b) => new()
    {
        Entries = Math.Max(a.Entries, b.Entries),
        CoveredEntries = Math.Max(a.CoveredEntries, b.CoveredEntries),
        BranchesCovered = Math.Max(a.BranchesCovered, b.BranchesCovered),
        BranchesValid = Math.Max(a.BranchesValid, b.BranchesValid),
    };
}
