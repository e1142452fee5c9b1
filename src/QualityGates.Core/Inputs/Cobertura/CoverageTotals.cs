namespace QualityGates.Inputs.Cobertura;

/// <summary>Line and branch counts of one source file or package, added up for the summary.</summary>
internal readonly record struct CoverageTotals(long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    public static CoverageTotals operator +(CoverageTotals a, CoverageTotals b) => new(
        a.LinesCovered + b.LinesCovered,
        a.LinesValid + b.LinesValid,
        a.BranchesCovered + b.BranchesCovered,
        a.BranchesValid + b.BranchesValid);
}
