using QualityGates.Configuration.Settings;
using QualityGates.Running;

namespace QualityGates.Tests.Configuration.Settings;

/// <summary>Reading settings: layers, old names and their units, and what a value that fails its check leaves behind.</summary>
public sealed class SettingValuesTests
{
    [Fact]
    public void ALaterLayerOverridesAnEarlierOneAndMessagesNameWhereTheValueCameFrom()
    {
        var file = new SettingLayer(Adapter.MSBuild).Add("QualityGatesContext", "staging").Add("QualityGatesStrict", "true");
        var options = new SettingLayer(Adapter.TestingPlatform, fromCommandLine: true).Add("--quality-gates-context", "production");

        var settings = SettingValues.Read(Adapter.TestingPlatform, file, options);

        Assert.Empty(settings.Errors);
        Assert.Equal(("production", "--quality-gates-context"), (settings.Text(SettingsCatalogue.Context), settings.Source(SettingsCatalogue.Context)));
        Assert.Equal((true, "QualityGatesStrict"), (settings.Switch(SettingsCatalogue.Strict), settings.Source(SettingsCatalogue.Strict)));
        // What is not set is named as the mode names it.
        Assert.Equal("--quality-gates-ratchet", settings.Source(SettingsCatalogue.Ratchet));
    }

    [Fact]
    public void TheMemoryIncreaseIsAFractionLikeEveryChangeAgainstABaselineAndItsOldNameTakesPercent()
    {
        var fraction = Build(new SettingLayer(Adapter.MSBuild).Add("QualityGatesMaxMemoryIncrease", "0.15"));
        var percent = Build(new SettingLayer(Adapter.MSBuild).Add("QualityGatesMaxMemoryIncreasePercent", "15"));
        var both = SettingValues.Read(Adapter.Cli, new SettingLayer(Adapter.Cli).Add("--max-memory-increase", "0.2").Add("--max-memory-increase-percent", "15"));

        // The engine's threshold (and the JSON report's maxMemoryIncreasePercent) stays in percent.
        Assert.Equal("15", Assert.Single(fraction.Overrides).Value);
        Assert.Equal(("MaxMemoryIncreasePercent", "15"), (Assert.Single(percent.Overrides).Name, percent.Overrides[0].Value));
        Assert.Equal("QG0031", Assert.Single(both.Errors).Code);
        Assert.Contains("('0.15' and '0.2')", both.Errors[0].Message);
    }

    [Fact]
    public void AnEmptyOptionIsAMistakeButAnEmptyPropertyIsUnset()
    {
        var property = SettingValues.Read(Adapter.MSBuild, new SettingLayer(Adapter.MSBuild).Add("QualityGatesReportDirectory", " "));
        var option = SettingValues.Read(Adapter.Cli, new SettingLayer(Adapter.Cli, fromCommandLine: true).Add("--report-dir", ""));

        Assert.Empty(property.Errors);
        Assert.False(property.IsSet(SettingsCatalogue.ReportDirectory));
        Assert.Equal("QG4001", Assert.Single(option.Errors).Code);
    }

    [Fact]
    public void AValueThatFailsItsCheckIsDroppedSoTheEngineNeverReportsItTwice()
    {
        var settings = SettingValues.Read(Adapter.MSBuild, new SettingLayer(Adapter.MSBuild).Add("QualityGatesContext", "prod").Add("QualityGatesNotASetting", "x"));

        Assert.Equal(["QG0009", "QG0001"], settings.Errors.Select(e => e.Code));
        Assert.Contains("'QualityGatesNotASetting' is not a quality gates setting", settings.Errors[0].Message);
        Assert.False(settings.IsSet(SettingsCatalogue.Context));
        Assert.Empty(GateRun.Check(SettingsRequest.Build(settings, new RunContext { Environment = _ => null }, [])));
    }

    private static GateRunRequest Build(SettingLayer layer)
    {
        var settings = SettingValues.Read(Adapter.MSBuild, layer);
        Assert.Empty(settings.Errors);
        return SettingsRequest.Build(settings, new RunContext { Environment = _ => null }, []);
    }
}
