using QualityGates.Inputs.Trx;

namespace QualityGates.Tests.Inputs.Trx;

public sealed class TrxOutcomeClassifierTests
{
    [Theory]
    [InlineData("passed", "Passed")]
    [InlineData("FAILED", "Failed")]
    [InlineData("notExecuted", "Skipped")]
    public void IgnoresCase(string outcome, string expected)
    {
        Assert.True(TrxOutcomeClassifier.TryClassify(outcome, out var kind));
        Assert.Equal(Enum.Parse<TrxOutcomeKind>(expected), kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Skipped")]
    [InlineData("Passed ")]
    public void RejectsWordsThatAreNotTrxOutcomes(string? outcome)
    {
        Assert.False(TrxOutcomeClassifier.TryClassify(outcome, out _));
    }
}
