using System.Diagnostics.CodeAnalysis;
using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Configuration.Settings;
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
        var file = Settings("QualityGatesContext=staging", "QualityGatesMinTestPassRate=0.9", "QualityGatesMinLineCoverage=0.7");
        var options = new Options { ["quality-gates-context"] = ["production"], ["quality-gates-min-test-pass-rate"] = ["0.8"] };
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("production", "--quality-gates-context"), (request.Context, request.ContextSource));
        var overrides = request.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => (o.Value, o.Source));
        Assert.Equal(("0.8", "--quality-gates-min-test-pass-rate"), overrides["MinTestPassRate"]);
        Assert.Equal(("0.7", "QualityGatesMinLineCoverage"), overrides["MinCodeCoverage"]);
    }

    [Fact]
    public void BenchmarkFilesComeFromTheSettingsFileAndTheBaselineOptionOverridesIt()
    {
        var file = Settings("QualityGatesBenchmarkFiles=bench/new/*-report-full.json;/abs/other-report-full.json", "QualityGatesBenchmarkBaselineFiles=bench/base/*-report-full.json", "QualityGatesRegistry=registry");
        var options = new Options { ["quality-gates-benchmark-baseline-files"] = ["main/*-report-full.json"] };
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(["bench/new/*-report-full.json", "/abs/other-report-full.json"], request.Benchmarks!.Files);
        Assert.Equal(["main/*-report-full.json"], request.Benchmarks.BaselineFiles);
        Assert.Equal("registry", request.Benchmarks.Registry);
        Assert.Equal(("QualityGatesBenchmarkFiles", "--quality-gates-benchmark-baseline-files"),
            (request.Names.SourceOf(SettingsCatalogue.BenchmarkFiles), request.Names.SourceOf(SettingsCatalogue.BenchmarkBaselineFiles)));
        Assert.Null(GateRunSettings.Read(Settings("QualityGatesBenchmarkFiles="), new Options(), _ => null, errors).Benchmarks);
    }

    [Fact]
    public void TheWaiversFileWarningLevelsAndLongestWaiverComeFromTheSettingsFile()
    {
        var file = Settings("QualityGatesWaiversFile=config/waivers.json", "QualityGatesWarnLineCoverage=0.9", "QualityGatesMaxWaiverDays=30");
        var options = new Options { ["quality-gates-warn-line-coverage"] = ["0.95"] };
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("config/waivers.json", "QualityGatesWaiversFile"), (request.WaiversFile, request.WaiversFileSource));
        var overrides = request.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => (o.Value, o.Source));
        Assert.Equal(("0.95", "--quality-gates-warn-line-coverage"), overrides["WarnCodeCoverage"]);
        Assert.Equal(("30", "QualityGatesMaxWaiverDays"), overrides["MaxWaiverDays"]);
    }

    [Fact]
    public void TheLegsTargetFrameworkAndTheFlakyMaximumComeFromTheSettingsFile()
    {
        var file = Settings("TargetFramework=net8.0", "QualityGatesMaxFlakyTests=2");
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, new Options { ["quality-gates-max-flaky-tests"] = ["0"] }, _ => null, errors);
        var single = GateRunSettings.Read(Settings("TargetFramework="), new Options(), _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("net8.0", null), (request.TargetFramework, single.TargetFramework));
        // The option overrides the property, as for every threshold.
        var flaky = Assert.Single(request.Overrides, o => o.Name == "MaxFlakyTests");
        Assert.Equal(("0", "--quality-gates-max-flaky-tests"), (flaky.Value, flaky.Source));
    }

    [Fact]
    public void ReadsTheNewCodeAndRatchetSettingsAndTheirThresholds()
    {
        var file = Settings("QualityGatesNewCode=true", "QualityGatesBaseRef=release/2.0", "QualityGatesNewCodeDiff=Head",
            "QualityGatesRatchet=true", "QualityGatesBaselineReport=main/latest.json", "QualityGatesRegistry=reg", "QualityGatesMinNewCodeLines=5");
        var options = new Options { ["quality-gates-ratchet-tolerance"] = ["0.5"] };
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("release/2.0", "QualityGatesBaseRef", "Head", "QualityGatesNewCodeDiff"),
            (request.NewCode!.BaseRef, request.NewCode.BaseRefSource, request.NewCode.Diff, request.NewCode.DiffSource));
        Assert.Equal(("main/latest.json", "reg"), (request.Ratchet!.BaselineReport, request.Ratchet.Registry));
        var overrides = request.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Name, o => (o.Value, o.Source));
        Assert.Equal(("0.5", "--quality-gates-ratchet-tolerance"), overrides["RatchetTolerance"]);
        Assert.Equal(("5", "QualityGatesMinNewCodeLines"), overrides["MinNewCodeLines"]);
    }

    [Fact]
    public void OptionsTurnOnNewCodeAndTheRatchetAndNameTheWaiversFile()
    {
        var file = Settings("QualityGatesBaseRef=main", "QualityGatesBaselineReport=old.json", "QualityGatesWaiversFile=config/waivers.json");
        var options = new Options
        {
            ["quality-gates-new-code"] = ["true"], ["quality-gates-base-ref"] = ["release/2.0"], ["quality-gates-new-code-diff"] = ["Head"],
            ["quality-gates-ratchet"] = ["true"], ["quality-gates-baseline-report"] = ["main/latest.json"], ["quality-gates-waivers-file"] = ["other.json"],
        };
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, options, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal(("release/2.0", "--quality-gates-base-ref", "Head", "--quality-gates-new-code-diff"),
            (request.NewCode!.BaseRef, request.NewCode.BaseRefSource, request.NewCode.Diff, request.NewCode.DiffSource));
        Assert.Equal(("main/latest.json", "--quality-gates-ratchet"), (request.Ratchet!.BaselineReport, request.Ratchet.Source));
        Assert.Equal(("other.json", "--quality-gates-waivers-file"), (request.WaiversFile, request.WaiversFileSource));
    }

    [Fact]
    public void AnOptionTurnsOffNewCodeThatTheProjectTurnedOn()
    {
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(Settings("QualityGatesNewCode=true", "QualityGatesRatchet=true"),
            new Options { ["quality-gates-new-code"] = ["false"], ["quality-gates-ratchet"] = ["false"] }, _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal((null, null), (request.NewCode, request.Ratchet));
    }

    [Fact]
    public void LeavesNewCodeAndTheRatchetOffByDefaultAndNamesABadSwitch()
    {
        var errors = new DiagnosticBag();

        var off = GateRunSettings.Read(Settings(), new Options(), _ => null, errors);
        GateRunSettings.Read(Settings("QualityGatesNewCode=yes"), new Options(), _ => null, errors);

        Assert.Equal((null, null), (off.NewCode, off.Ratchet));
        var error = Assert.Single(errors);
        Assert.Equal(("QG0006", true), (error.Code, error.Message.Contains("QualityGatesNewCode", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReportsGoToTheProjectsReportFolderAndPathsResolveAgainstTheProject()
    {
        var file = Settings($"ProjectDirectory={_temp.Path}", $"QualityGatesReportDirectory={_temp.Path}/.quality-gates/net10.0/", "QualityGatesCoverageFiles=cov/a.xml;cov/b.xml");
        var errors = new DiagnosticBag();

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
        var errors = new DiagnosticBag();

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
        var errors = new DiagnosticBag();

        GateRunSettings.Read(file, new Options(), _ => null, errors);

        // In the catalogue's order.
        Assert.Equal([ErrorCodes.InvalidBoolean, ErrorCodes.InvalidBoolean], errors.Select(e => e.Code));
        Assert.Contains("QualityGatesEnabled", errors[0].Message);
        Assert.Contains("QualityGatesStrict", errors[1].Message);
    }

    [Fact]
    public void TheEnabledOptionSwitchesTheGateOff()
    {
        var settings = GateRunSettings.Settings(Settings("QualityGatesEnabled=true"), new Options { ["quality-gates-enabled"] = ["false"] });

        Assert.False(settings.Switch(SettingsCatalogue.Enabled));
        Assert.Empty(settings.Errors);
    }

    [Fact]
    public void TheSolutionScopeComesFromTheSettingsTheBuildWrote()
    {
        var file = Settings("QualityGatesScope=Both", "ProjectFile=/src/A.Tests/A.Tests.csproj", "QualityGatesSolutionReportDirectory=/src/.quality-gates/");
        var errors = new DiagnosticBag();

        var request = GateRunSettings.Read(file, new Options(), name => name == "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID" ? "a1b2" : null, errors);
        // Run directly, not by dotnet test: no solution run, so the application is judged alone.
        var direct = GateRunSettings.Read(file, new Options(), _ => null, errors);

        Assert.Empty(errors);
        Assert.Equal((QualityGates.Running.Solution.GateScope.Both, "/src/.quality-gates/", "/src/A.Tests/A.Tests.csproj"),
            (request.Solution!.Scope, request.Solution.Directory, request.Solution.ProjectFile));
        Assert.Null(direct.Solution!.Directory);
        Assert.Null(GateRunSettings.Read(Settings("QualityGatesScope=Project", "ProjectFile=/src/A.Tests/A.Tests.csproj"), new Options(), _ => null, errors).Solution);
        GateRunSettings.Read(Settings("QualityGatesScope=Solutions"), new Options(), _ => null, errors);
        Assert.Equal("QG0018", Assert.Single(errors).Code);
    }

    /// <summary>A settings file as the build writes it: every key, the ones not in <paramref name="lines"/> empty.</summary>
    private GateSettingsFile Settings(params string[] lines)
    {
        var given = lines.Select(l => l.Split('=', 2)[0]).ToHashSet();
        var all = lines.Concat(GateSettingsFile.Keys.Where(k => !given.Contains(k)).Select(k => k + "="));
        return GateSettingsFile.Read(_temp.Write("app" + GateSettingsFile.Extension, string.Join('\n', all)));
    }

    /// <summary>The options given on the test application's command line.</summary>
    private sealed class Options : Dictionary<string, string[]>, ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => ContainsKey(optionName);

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments) => TryGetValue(optionName, out arguments);
    }
}
