namespace QualityGates.Reports;

/// <summary>The files one <see cref="ReportFileSet.Write"/> produced (full paths).</summary>
/// <param name="JUnit">The <c>junit-gates.xml</c> (replaced on every run).</param>
/// <param name="Json">This run's own <c>report-&lt;UTC time&gt;-&lt;random&gt;.json</c>.</param>
/// <param name="Latest"><c>latest.json</c>, a copy of <paramref name="Json"/>.</param>
/// <param name="BlockLog"><c>blocks.jsonl</c> when the run was blocked and a line was appended; otherwise null.</param>
public sealed record ReportFiles(string JUnit, string Json, string Latest, string? BlockLog)
{
    /// <summary>Every file written, in the order written.</summary>
    public IReadOnlyList<string> All => BlockLog is null ? [Json, Latest, JUnit] : [Json, Latest, JUnit, BlockLog];
}
