namespace QualityGates.Inputs.Security;

/// <summary>What a scan file says about itself: the scanner's name and when it ran, where the format records them.</summary>
internal sealed record ScanOrigin(string? Tool, string? Timestamp)
{
    /// <summary>Every scanner the file names (a SARIF file has one per run), the first one first.</summary>
    public IReadOnlyList<string> Tools { get; init; } = Tool is null ? [] : [Tool];
}
