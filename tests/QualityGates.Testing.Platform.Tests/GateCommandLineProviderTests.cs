using Microsoft.Testing.Platform.Extensions.CommandLine;
using QualityGates.Configuration.Settings;

namespace QualityGates.Testing.Platform.Tests;

/// <summary>The <c>--quality-gates-*</c> options: one per threshold, and bad values refused with their code.</summary>
public sealed class GateCommandLineProviderTests
{
    private readonly GateCommandLineProvider _provider = new();

    [Fact]
    public void OffersTheContextAndOneOptionPerThreshold()
    {
        var names = _provider.GetCommandLineOptions().Select(o => o.Name).ToList();

        Assert.Contains("quality-gates-context", names);
        Assert.Contains("quality-gates-min-test-pass-rate", names);
        Assert.Contains("quality-gates-max-memory-increase", names);
        Assert.Contains("quality-gates-min-throughput-tokens-per-sec", names);
        Assert.Contains("quality-gates-warn-new-code-coverage", names);
        // One per setting with a test-application name, and one (hidden) per deprecated name.
        Assert.Equal(SettingsCatalogue.All.Count(s => s.TestingPlatform is not null)
            + SettingsCatalogue.All.Sum(s => s.Aliases.Count(a => a.TestingPlatform is not null)), names.Count);
    }

    [Theory]
    [InlineData("quality-gates-context", "prod", "QG0001")]
    [InlineData("quality-gates-min-line-coverage", "85", "QG0003")]
    [InlineData("quality-gates-max-high-vulnerabilities", "two", "QG0002")]
    [InlineData("quality-gates-enabled", "yes", "QG0006")]
    [InlineData("quality-gates-new-code-diff", "Both", "QG0011")]
    [InlineData("quality-gates-max-waiver-days", "2147483647", "QG0003")]
    [InlineData("quality-gates-report-directory", "", "QG4001")]
    [InlineData("quality-gates-report-directory", " ", "QG4001")]
    [InlineData("quality-gates-strict", "maybe", "QG0006")]
    [InlineData("quality-gates-coverage-stat", "max", "QG0009")]
    [InlineData("quality-gates-min-code-coverage", "85", "QG0003")]
    public async Task RefusesABadValueWithItsCode(string option, string value, string code)
    {
        var result = await _provider.ValidateOptionArgumentsAsync(Option(option), [value]);

        Assert.False(result.IsValid);
        Assert.StartsWith(code + ":", result.ErrorMessage);
    }

    [Theory]
    [InlineData("quality-gates-new-code")]
    [InlineData("quality-gates-ratchet")]
    public async Task ANewCodeOrRatchetSwitchTakesTrueOrFalse(string option)
    {
        var good = await _provider.ValidateOptionArgumentsAsync(Option(option), ["True"]);
        var bad = await _provider.ValidateOptionArgumentsAsync(Option(option), ["on"]);

        Assert.True(good.IsValid);
        Assert.False(bad.IsValid);
        Assert.StartsWith("QG0006:", bad.ErrorMessage);
        Assert.Contains("--" + option, bad.ErrorMessage);
    }

    [Fact]
    public async Task OffersEverySettingThatAppliesToATestApplication()
    {
        var names = _provider.GetCommandLineOptions().Where(o => !o.IsHidden).Select(o => o.Name).ToList();

        Assert.Contains("quality-gates-strict", names);
        Assert.Contains("quality-gates-checks", names);
        Assert.Contains("quality-gates-fail-on-any-test-failure", names);
        Assert.Contains("quality-gates-allow-aborted-run", names);
        Assert.Contains("quality-gates-coverage-exclude-files", names);
        Assert.Contains("quality-gates-min-line-coverage", names);
        Assert.DoesNotContain("quality-gates-min-code-coverage", names);
        var good = await _provider.ValidateOptionArgumentsAsync(Option("quality-gates-coverage-exclude-files"), ["**/Generated/*.cs", "**/Migrations/*.cs"]);
        Assert.True(good.IsValid);
    }

    [Fact]
    public async Task RefusesAnOldAndANewNameThatDisagree()
    {
        var options = new Options { ["quality-gates-min-line-coverage"] = ["0.8"], ["quality-gates-min-code-coverage"] = ["0.7"] };

        var result = await _provider.ValidateCommandLineOptionsAsync(options);

        Assert.False(result.IsValid);
        Assert.StartsWith("QG0031: --quality-gates-min-code-coverage and --quality-gates-min-line-coverage name the same setting", result.ErrorMessage);
    }

    [Fact]
    public async Task AcceptsAGoodValue()
    {
        var result = await _provider.ValidateOptionArgumentsAsync(Option("quality-gates-min-code-coverage"), ["0.85"]);

        Assert.True(result.IsValid);
    }

    private CommandLineOption Option(string name) => _provider.GetCommandLineOptions().Single(o => o.Name == name);

    private sealed class Options : Dictionary<string, string[]>, Microsoft.Testing.Platform.CommandLine.ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => ContainsKey(optionName);

        public bool TryGetOptionArgumentList(string optionName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string[]? arguments) => TryGetValue(optionName, out arguments);
    }
}
