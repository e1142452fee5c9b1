namespace QualityGates.Metrics;

/// <summary>The model (or product) name and version a report is about.</summary>
public sealed record ModelIdentity(string Name, string Version)
{
    public override string ToString() => $"{Name}:{Version}";
}
