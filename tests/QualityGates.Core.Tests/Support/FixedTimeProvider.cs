namespace QualityGates.Tests.Support;

/// <summary>A clock stopped at one instant, so reports carry a timestamp tests can assert exactly.</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
