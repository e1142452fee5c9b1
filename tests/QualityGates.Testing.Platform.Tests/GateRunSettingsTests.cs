using System.Diagnostics.CodeAnalysis;
using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Errors;
using QualityGates.Testing;

namespace QualityGates.Testing.Platform.Tests;

/// <summary>The settings file's MSBuild properties, overridden by the test application's options.</summary>
public sealed class GateRunSettingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OptionsOverrideTheProjectsPropertiesAndErrorsNameTheOption()
    {
        var file = Settings("QualityGatesContext=staging", "QualityGatesMinTestPassRate=0.9", "QualityGatesMinCodeCoverage=0.7");
        var options = new Options { ["quality-gates-context"] = ["production"], ["quality-gates-min-test-pass-rate"] = ["0.8"] };
        var errors = new List<QualityGatesException>();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("production", "--quality-gates-context"), (request.Context, request.ContextSource));
        var overrides = request.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => (o.Value, o.Source));
        Assert.Equal(("0.8", "--quality-gates-min-test-pass-rate"), overrides["MinTestPassRate"]);
        Assert.Equal(("0.7", "QualityGatesMinCodeCoverage"), overrides["MinCodeCoverage"]);
    }

    [Fact]
    public void TheWaiversFileWarningLevelsAndLongestWaiverComeFromTheSettingsFile()
    {
        var file = Settings("QualityGatesWaiversFile=config/waivers.json", "QualityGatesWarnCodeCoverage=0.9", "QualityGatesMaxWaiverDays=30");
        var options = new Options { ["quality-gates-warn-code-coverage"] = ["0.95"] };
        var errors = new List<QualityGatesException>();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("config/waivers.json", "QualityGatesWaiversFile"), (request.WaiversFile, request.WaiversFileSource));
        var overrides = request.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => (o.Value, o.Source));
        Assert.Equal(("0.95", "--quality-gates-warn-code-coverage"), overrides["WarnCodeCoverage"]);
        Assert.Equal(("30", "QualityGatesMaxWaiverDays"), overrides["MaxWaiverDays"]);
    }

    [Fact]
    public void ReportsGoToTheProjectsReportFolderAndPathsResolveAgainstTheProject()
    {
        var file = Settings($"ProjectDirectory={_temp.Path}", $"ReportDirectory={_temp.Path}/.quality-gates/net10.0/", "QualityGatesCoverageFiles=cov/a.xml;cov/b.xml");
        var errors = new List<QualityGatesException>();

        var request = GateRunSettings.Read(file, new Options(), _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(_temp.Path, request.BaseDirectory);
        Assert.Equal($"{_temp.Path}/.quality-gates/net10.0/", request.Reports.Folder);
        Assert.Equal(["cov/a.xml", "cov/b.xml"], request.CoverageFiles);
    }

    [Fact]
    public void CoverageLeavesOutTheTestAssemblyAndTheGatesOwnAssemblies()
    {
        var file = Settings("TestAssemblyName=App.Tests", "QualityGatesCoverageExcludeAssemblies=Generated;",
            "QualityGatesCoverageIncludeFiles=src/**;", "QualityGatesCoverageExcludeTestAssembly=true");
        var errors = new List<QualityGatesException>();

        var filter = GateRunSettings.Read(file, new Options(), _ => null, errors).CoverageFilter;

        Assert.Empty(errors);
        Assert.Equal(["Generated", "QualityGates.Core", "QualityGates.Testing.Platform", "App.Tests"], filter.ExcludeAssemblies);
        Assert.Equal(["src/**"], filter.IncludeFiles);
    }

    [Fact]
    public void KeepingTheTestAssemblyStillLeavesOutTheGatesOwnAssemblies()
    {
        var file = Settings("TestAssemblyName=App.Tests", "QualityGatesCoverageExcludeTestAssembly=false");

        var filter = GateRunSettings.Read(file, new Options(), _ => null, []).CoverageFilter;

        Assert.Equal(["QualityGates.Core", "QualityGates.Testing.Platform"], filter.ExcludeAssemblies);
    }

    [Fact]
    public void ABadSwitchIsOneErrorNamingTheProperty()
    {
        var file = Settings("QualityGatesStrict=yes", "QualityGatesEnabled=maybe");
        var errors = new List<QualityGatesException>();

        GateRunSettings.Read(file, new Options(), _ => null, errors);
        GateRunSettings.Enabled(file, new Options(), errors);

        Assert.Equal([ErrorCodes.InvalidBoolean, ErrorCodes.InvalidBoolean], errors.Select(e => e.Code));
        Assert.Contains("QualityGatesStrict", errors[0].Message);
        Assert.Contains("QualityGatesEnabled", errors[1].Message);
    }

    [Fact]
    public void TheEnabledOptionSwitchesTheGateOff()
    {
        var errors = new List<QualityGatesException>();

        Assert.False(GateRunSettings.Enabled(Settings("QualityGatesEnabled=true"), new Options { ["quality-gates-enabled"] = ["false"] }, errors));
        Assert.Empty(errors);
    }

    private GateSettingsFile Settings(params string[] lines) =>
        GateSettingsFile.Read(_temp.Write("app" + GateSettingsFile.Extension, string.Join('\n', lines)));

    /// <summary>The options given on the test application's command line.</summary>
    private sealed class Options : Dictionary<string, string[]>, ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => ContainsKey(optionName);

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments) => TryGetValue(optionName, out arguments);
    }
}
