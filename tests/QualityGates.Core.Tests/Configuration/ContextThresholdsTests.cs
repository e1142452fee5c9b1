using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Tests.Configuration;

public class ContextThresholdsTests
{
    [Theory]
    [InlineData(DeploymentContext.Development, 0.80, 0.60)]
    [InlineData(DeploymentContext.Staging, 0.95, 0.80)]
    [InlineData(DeploymentContext.Production, 0.98, 0.90)]
    public void EachContextHasTheSpecPassRateAndCoverage(object contextValue, double passRate, double coverage)
    {
        var context = (DeploymentContext)contextValue;
        var thresholds = GateThresholds.For(context);

        Assert.Equal(passRate, thresholds.MinTestPassRate);
        Assert.Equal(coverage, thresholds.MinCodeCoverage);
    }

    [Theory]
    [InlineData(DeploymentContext.Development)]
    [InlineData(DeploymentContext.Staging)]
    [InlineData(DeploymentContext.Production)]
    public void EveryContextKeepsTheDefaultColumnForTheOtherThresholds(object contextValue)
    {
        var context = (DeploymentContext)contextValue;
        var thresholds = GateThresholds.For(context);

        Assert.Equal(0.70, thresholds.MinQualityScore);
        Assert.Equal(0.05, thresholds.MaxRegression);
        Assert.Equal(0.20, thresholds.MaxLatencyIncrease);
        Assert.Equal(15.0, thresholds.MaxMemoryIncreasePercent);
        Assert.Equal(10.0, thresholds.MinThroughputTokensPerSec);
        Assert.Equal(0, thresholds.MaxCriticalVulnerabilities);
        Assert.Equal(2, thresholds.MaxHighVulnerabilities);
        Assert.Equal(10, thresholds.MaxMediumVulnerabilities);
        Assert.Null(thresholds.MinBranchCoverage);
    }

    [Fact]
    public void TheSeedsCustomStagingThresholdsAreExpressibleAsOverrides()
    {
        var overrides = new Dictionary<string, string>
        {
            ["MinTestPassRate"] = "0.92",
            ["MinCodeCoverage"] = "0.85",
            ["MinQualityScore"] = "0.75",
            ["MaxRegression"] = "0.03",
            ["MaxLatencyIncrease"] = "0.15",
            ["MaxCriticalVulnerabilities"] = "0",
            ["MaxHighVulnerabilities"] = "1",
            ["MaxMediumVulnerabilities"] = "5",
        };

        var thresholds = overrides.Aggregate(GateThresholds.For(DeploymentContext.Staging),
            (t, o) => ThresholdCatalog.Apply(t, o.Key, o.Value, "QualityGates" + o.Key));

        Assert.Equal(GateThresholds.Default with
        {
            MinTestPassRate = 0.92,
            MinCodeCoverage = 0.85,
            MinQualityScore = 0.75,
            MaxRegression = 0.03,
            MaxLatencyIncrease = 0.15,
            MaxCriticalVulnerabilities = 0,
            MaxHighVulnerabilities = 1,
            MaxMediumVulnerabilities = 5,
        }, thresholds);
    }

    [Fact]
    public void AnOverrideChangesOnlyItsOwnThreshold()
    {
        var production = GateThresholds.For(DeploymentContext.Production);

        var overridden = ThresholdCatalog.Apply(production, "MinCodeCoverage", "0.85", "QualityGatesMinCodeCoverage");

        Assert.Equal(production with { MinCodeCoverage = 0.85 }, overridden);
    }

    [Fact]
    public void AnEmptyOverrideChangesNothing()
    {
        var production = GateThresholds.For(DeploymentContext.Production);

        Assert.Same(production, ThresholdCatalog.Apply(production, "MinCodeCoverage", "  ", "QualityGatesMinCodeCoverage"));
    }

    [Theory]
    [InlineData("MinTestPassRate", "1.5", ErrorCodes.ThresholdOutOfRange)]
    [InlineData("MinTestPassRate", "95", ErrorCodes.ThresholdOutOfRange)]
    [InlineData("MinCodeCoverage", "-0.1", ErrorCodes.ThresholdOutOfRange)]
    [InlineData("MaxHighVulnerabilities", "-1", ErrorCodes.ThresholdOutOfRange)]
    [InlineData("MaxHighVulnerabilities", "1.5", ErrorCodes.ThresholdNotANumber)]
    [InlineData("MinQualityScore", "high", ErrorCodes.ThresholdNotANumber)]
    [InlineData("MinCodeCoverage", "0,85", ErrorCodes.ThresholdNotANumber)]
    [InlineData("MaxLatencyIncrease", "NaN", ErrorCodes.ThresholdNotANumber)]
    [InlineData("MaxMemoryIncreasePercent", "-5", ErrorCodes.ThresholdOutOfRange)]
    public void AnInvalidValueIsAnErrorNamingWhereItWasWritten(string name, string value, string code)
    {
        var error = Assert.Throws<QualityGatesException>(() =>
            ThresholdCatalog.Apply(GateThresholds.Default, name, value, "QualityGates" + name));

        Assert.Equal(code, error.Code);
        Assert.Contains("QualityGates" + name, error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void AnUnknownThresholdNameIsAnError()
    {
        var error = Assert.Throws<QualityGatesException>(() =>
            ThresholdCatalog.Apply(GateThresholds.Default, "MinFun", "1", "--min-fun"));

        Assert.Equal(ErrorCodes.UnknownThreshold, error.Code);
    }

    [Theory]
    [InlineData("production", DeploymentContext.Production)]
    [InlineData("Staging", DeploymentContext.Staging)]
    [InlineData(" DEVELOPMENT ", DeploymentContext.Development)]
    public void ContextNamesParseCaseInsensitively(string text, object expectedValue)
    {
        var expected = (DeploymentContext)expectedValue;
        Assert.Equal(expected, DeploymentContexts.Parse(text, "QualityGatesContext"));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("qa")]
    public void AnUnknownContextIsAnErrorNamingTheSetting(string? text)
    {
        var error = Assert.Throws<QualityGatesException>(() => DeploymentContexts.Parse(text, "QualityGatesContext"));

        Assert.Equal(ErrorCodes.UnknownContext, error.Code);
        Assert.Contains("QualityGatesContext", error.Message);
        Assert.Contains("development, staging, production", error.Message);
    }
}
