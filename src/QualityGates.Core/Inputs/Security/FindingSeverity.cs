namespace QualityGates.Inputs.Security;

/// <summary>The buckets every scanner's severities are mapped onto, lowest first (a higher value wins when findings merge).</summary>
internal enum FindingSeverity
{
    /// <summary>The scanner gave no usable severity: reported, never gated.</summary>
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}
