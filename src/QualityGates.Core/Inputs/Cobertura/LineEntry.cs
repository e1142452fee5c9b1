namespace QualityGates.Inputs.Cobertura;

/// <summary>
/// An entry of the report being read that the per-line bits cannot hold: the branch counts of a line,
/// or a second (third…) entry of a line, or a line number too large for bits.
/// </summary>
internal readonly record struct LineEntry(int Line, bool IsExtraEntry, bool ExtraEntryCovered, int BranchesCovered, int BranchesValid);
