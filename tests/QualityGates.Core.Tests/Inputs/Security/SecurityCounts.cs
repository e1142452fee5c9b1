using QualityGates.Metrics;

namespace QualityGates.Tests.Inputs.Security;

/// <summary>Asserts all five severity buckets at once, so a finding landing in the wrong bucket fails.</summary>
internal static class SecurityCounts
{
    public static void Equal(SecuritySummary summary, int critical, int high, int medium, int low, int unknown)
    {
        Assert.Equal(
            (critical, high, medium, low, unknown),
            (summary.Critical, summary.High, summary.Medium, summary.Low, summary.Unknown));
        Assert.Equal(critical + high + medium + low + unknown, summary.Total);
    }
}
