using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.MSBuild.Tests.Support;
using QualityGates.Running;
using static QualityGates.MSBuild.Tests.Support.ThreeAdapters;

namespace QualityGates.MSBuild.Tests;

/// <summary>
/// The settings catalogue's promise: every setting reaches every adapter it names (the MSBuild task takes
/// the property, the CLI and the test application the option, the test application's settings file the
/// property), and the same settings give the same request whichever adapter they came through, with
/// the same errors for the same mistakes.
/// </summary>
public sealed class SettingsAcrossAdaptersTests : IDisposable
{
    // Settings that change nothing in the request: the adapter itself uses them (the test application
    // switches itself off; the task logs its summary line as a warning, or checks ReportGenerator is there).
    private static readonly Setting[] UsedByTheAdapter = [SettingsCatalogue.Enabled, SettingsCatalogue.SummaryAsWarning, SettingsCatalogue.CoverageReport];

    private readonly TempDirectory _temp = new();
    private readonly ThreeAdapters _adapters;

    public SettingsAcrossAdaptersTests() => _adapters = new ThreeAdapters(_temp.Path);

    public void Dispose() => _temp.Dispose();

    public static TheoryData<Way, string> EverySettingOfEveryAdapter()
    {
        var data = new TheoryData<Way, string>();
        foreach (var way in Enum.GetValues<Way>())
        {
            foreach (var setting in SettingsCatalogue.All.Where(s => !s.BuildOnly && Accepts(way, s)))
            {
                data.Add(way, setting.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySettingOfEveryAdapter))]
    public void EachAdapterTakesEachOfItsSettingsIntoTheRequest(Way way, string key)
    {
        var setting = SettingsCatalogue.All.Single(s => s.Key == key);
        var needs = Needs(setting).Where(s => Accepts(way, s)).ToDictionary(s => s, Sample);

        var without = _adapters.Run(way, needs);
        var with = _adapters.Run(way, new Dictionary<Setting, string[]>(needs) { [setting] = Sample(setting) });

        Assert.Empty(without.Errors);
        Assert.Empty(with.Errors);
        Assert.Equal(Sample(setting), setting.Kind.Shape == SettingShape.List ? with.Settings.List(setting) : [with.Settings.Text(setting)!]);
        if (!UsedByTheAdapter.Contains(setting))
        {
            Assert.NotEqual(Describe(without.Request, keepContextAssemblies: true), Describe(with.Request, keepContextAssemblies: true));
        }
    }

    [Fact]
    public void TheSameSettingsGiveTheSameRequestThroughEveryAdapter()
    {
        var shared = SettingsCatalogue.All.Where(s => !s.BuildOnly && Enum.GetValues<Way>().All(w => Accepts(w, s))).ToDictionary(s => s, Sample);
        Assert.True(shared.Count > 40, $"only {shared.Count} settings are shared");

        var requests = Enum.GetValues<Way>().Select(way =>
        {
            // The model is name:version on the CLI, a name and a version elsewhere.
            var values = new Dictionary<Setting, string[]>(shared);
            foreach (var model in new[] { SettingsCatalogue.Model, SettingsCatalogue.ModelName, SettingsCatalogue.ModelVersion }.Where(s => Accepts(way, s)))
            {
                values[model] = Sample(model);
            }

            var result = _adapters.Run(way, values);
            Assert.Empty(result.Errors);
            return (way, Request: Describe(result.Request, keepContextAssemblies: false));
        }).ToList();

        Assert.All(requests, r => Assert.Equal(requests[0].Request, r.Request));
        Assert.Contains("Model=m:1", requests[0].Request);
        Assert.Contains("Context=production", requests[0].Request);
    }

    [Theory]
    [InlineData("NewCodeDiff", "Both", "QG0011")]
    [InlineData("MaxWaiverDays", "2147483647", "QG0003")]
    [InlineData("MinLineCoverage", "95", "QG0003")]
    [InlineData("Context", "prod", "QG0001")]
    [InlineData("KeepReports", "-1", "QG0009")]
    [InlineData("CoverageStat", "Max", "QG0009")]
    public void TheSameBadValueIsTheSameErrorInEveryAdapterThatNamesIt(string key, string value, string code)
    {
        var setting = SettingsCatalogue.All.Single(s => s.Key == key);

        foreach (var way in Enum.GetValues<Way>().Where(w => Accepts(w, setting)))
        {
            var error = Assert.Single(_adapters.Run(way, new Dictionary<Setting, string[]> { [setting] = [value] }).Errors);
            Assert.Equal(code, error.Code);
            Assert.StartsWith(setting.NameIn(AdapterOf(way))!, error.Message);
        }
    }

    [Fact]
    public void AnOldNameStillWorksWithWarningQG0030InEveryAdapter()
    {
        var setting = SettingsCatalogue.All.Single(s => s.Key == "MinLineCoverage");
        var alias = setting.Aliases.Single();

        foreach (var way in Enum.GetValues<Way>())
        {
            var (old, current) = (alias.NameIn(AdapterOf(way))!, setting.NameIn(AdapterOf(way))!);
            var result = _adapters.RunNamed(way, [(old, ["0.7"])]);

            Assert.Empty(result.Errors);
            var warning = Assert.Single(result.Settings.Warnings);
            Assert.Equal(("QG0030", $"{old} is deprecated; use {current} instead (the old name still works)."), (warning.Code, warning.Message));
            var threshold = Assert.Single(result.Request.Overrides);
            Assert.Equal(("MinCodeCoverage", "0.7", old), (threshold.Name, threshold.Value, threshold.Source));
        }
    }

    [Fact]
    public void AnOldAndANewNameGivenDifferentValuesIsErrorQG0031()
    {
        var setting = SettingsCatalogue.ModelBaselineFile;
        var alias = setting.Aliases.Single();

        var differ = _adapters.RunNamed(Way.Task, [(alias.MSBuild!, ["old.json"]), (setting.MSBuild!, ["new.json"])]);
        var agree = _adapters.RunNamed(Way.Cli, [(alias.Cli!, ["same.json"]), (setting.Cli!, ["same.json"])]);

        var error = Assert.Single(differ.Errors);
        Assert.Equal("QG0031", error.Code);
        Assert.StartsWith("QualityGatesBaselineFile and QualityGatesModelBaselineFile name the same setting but differ ('old.json' and 'new.json')", error.Message);
        Assert.Empty(agree.Errors);
        Assert.Equal("same.json", agree.Request.BaselineFile);
        Assert.Equal("QG0030", Assert.Single(agree.Settings.Warnings).Code);
    }

    /// <summary>The settings a setting does nothing without.</summary>
    private static IEnumerable<Setting> Needs(Setting setting) => setting.Key switch
    {
        "BaseRef" or "NewCodeDiff" => [SettingsCatalogue.NewCode],
        "BaselineReport" => [SettingsCatalogue.Ratchet],
        "WebhookAlways" or "WebhookTimeout" => [SettingsCatalogue.WebhookUrl],
        "ApproveOnPass" => [SettingsCatalogue.Model, SettingsCatalogue.ModelName, SettingsCatalogue.ModelVersion],
        "ApprovedBy" or "Registry" => [SettingsCatalogue.ApproveOnPass, SettingsCatalogue.Model, SettingsCatalogue.ModelName, SettingsCatalogue.ModelVersion],
        "ModelVersion" => [SettingsCatalogue.ModelName],
        "SolutionReportDirectory" => [SettingsCatalogue.Scope],
        _ => [],
    };

    /// <summary>A valid value unlike the default, under the setting's unit.</summary>
    private static string[] Sample(Setting setting) => setting.Key switch
    {
        "Context" => ["production"],
        "Model" => ["m:1"],
        "ModelName" => ["m"],
        "ModelVersion" => ["1"],
        "WebhookUrl" => ["https://hooks.example.com/x"],
        "KeepReports" or "WebhookTimeout" => ["7"],
        "Checks" => ["Tests", "Model"],
        _ when setting.Threshold is { } threshold => [threshold.Kind == ThresholdKind.Count ? "7" : "0.5"],
        _ => setting.Kind.Shape switch
        {
            SettingShape.Switch => [setting.Kind.SwitchDefault ? "false" : "true"],
            SettingShape.OptionalSwitch => ["true"],
            SettingShape.List => ["a-" + setting.Key, "b-" + setting.Key],
            _ when setting.Kind.Choices.Count > 0 => [setting.Kind.Choices[^1]],
            _ => ["x-" + setting.Key],
        },
    };

    /// <summary>The request as text, without what differs by nature between adapters: where paths resolve, the names values came under.</summary>
    private static string Describe(GateRunRequest r, bool keepContextAssemblies)
    {
        string List(IEnumerable<string> values) => string.Join(";", values);
        var excluded = r.CoverageFilter.ExcludeAssemblies.Where(a => keepContextAssemblies || a is not (TestAssembly or "QualityGates.Core" or "QualityGates.Testing.Platform"));
        return string.Join('\n',
            $"Context={r.Context}",
            $"Overrides={List(r.Overrides.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => $"{o.Name}={o.Value}"))}",
            $"Strict={r.Strict} AllowAbortedRun={r.AllowAbortedRun} FailOnAnyTestFailure={r.FailOnAnyTestFailure} TargetFramework={r.TargetFramework}",
            $"Groups={r.Groups} CoverageStat={r.CoverageStat} Model={r.Model}",
            $"TestResultFiles={List(r.TestResultFiles)} CoverageFiles={List(r.CoverageFiles)} SecurityScanFiles={List(r.SecurityScanFiles)}",
            $"Coverage +{List(r.CoverageFilter.IncludeAssemblies)} -{List(excluded)} +{List(r.CoverageFilter.IncludeFiles)} -{List(r.CoverageFilter.ExcludeFiles)}",
            $"TestMetrics={r.TestMetricsFile} ModelMetrics={r.ModelMetricsFile} Baseline={r.BaselineFile} Waivers={r.WaiversFile}",
            $"Reports={r.Reports.Folder} Keep={r.Reports.KeepReports.ToString(CultureInfo.InvariantCulture)} JUnit={r.Reports.JUnitFile} Json={r.Reports.Json}",
            $"Registry={r.Registry?.Folder}|{r.Registry?.ApprovedBy}|{r.Registry is not null}",
            $"Publish={r.Publish.CiServer} {r.Publish.Webhook?.Url} {r.Publish.Webhook?.Always} {r.Publish.Webhook?.Timeout}",
            $"NewCode={r.NewCode?.BaseRef}|{r.NewCode?.Diff}|{r.NewCode is not null} Ratchet={r.Ratchet?.BaselineReport}|{r.Ratchet?.Registry}|{r.Ratchet is not null}",
            $"Solution={r.Solution?.Scope}|{r.Solution?.Directory}");
    }
}
