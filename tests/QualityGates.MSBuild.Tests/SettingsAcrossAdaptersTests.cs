using System.Globalization;
using QualityGates.Configuration;
using QualityGates.Configuration.Settings;
using QualityGates.Inputs;
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

    /// <summary>
    /// The request as text, every property of it and of the records it holds, so a new setting's field is
    /// compared without this test knowing it; left out is what differs by nature between adapters: where
    /// paths resolve, this run's own results, the names values came under, how messages name settings.
    /// </summary>
    private static string Describe(GateRunRequest request, bool keepContextAssemblies)
    {
        var text = new System.Text.StringBuilder();
        Write(text, "", request, keepContextAssemblies);
        return text.ToString();
    }

    private static void Write(System.Text.StringBuilder text, string path, object? value, bool keepContextAssemblies)
    {
        switch (value)
        {
            case null or string or bool or Enum or int or double or Uri or TimeSpan or Metrics.ModelIdentity:
                text.Append(path).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
                break;
            case IEnumerable<string> list:
                var entries = path.EndsWith(".ExcludeAssemblies", StringComparison.Ordinal) && !keepContextAssemblies
                    ? list.Where(a => a is not (TestAssembly or "QualityGates.Core" or "QualityGates.Testing.Platform"))
                    : list;
                text.Append(path).Append('=').Append(string.Join(';', entries)).Append('\n');
                break;
            case IEnumerable<ThresholdOverride> overrides:
                foreach (var item in overrides.OrderBy(o => o.Name, StringComparer.Ordinal))
                {
                    text.Append(path).Append('.').Append(item.Name).Append('=').Append(item.Value).Append('\n');
                }

                break;
            default:
                Assert.True(path.Count(c => c == '.') < 5, $"{path} nests too deep: a type to print as a value?");
                foreach (var property in value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && !Differs(p.Name)))
                {
                    Write(text, path + "." + property.Name, property.GetValue(value), keepContextAssemblies);
                }

                break;
        }
    }

    private static bool Differs(string property) =>
        property.EndsWith("Source", StringComparison.Ordinal)
        || property is nameof(GateRunRequest.Names) or nameof(GateRunRequest.Environment) or nameof(GateRunRequest.BaseDirectory) or nameof(GateRunRequest.Run)
            or nameof(GateRunRequest.SolutionProjects) or nameof(Running.Solution.SolutionOptions.ProjectFile) or nameof(NewCodeOptions.GitProgram) or "EqualityContract";
}
