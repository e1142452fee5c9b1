using System.Text.Json;
using QualityGates.Errors;
using QualityGates.Integrations;
using QualityGates.Reports;

namespace QualityGates.Tests.Files;

/// <summary>Input text printed on a console is one inert line.</summary>
public class ConsoleTextTests
{
    public static TheoryData<string> HostileTexts() => new()
    {
        "x\n##vso[task.setvariable variable=X]evil\nz.trx",
        "x\r\n::error::forged\r\n::set-output name=passed::true",
        "::add-mask::secret",
        "   ::stop-commands::token",
        "\t::warning::indented",
        "a ##VSO[task.complete result=Succeeded]done",
        "##[error]azure formatting, ##[group]too",
        "esc \u001b[31mred\u001b[0m bs \b nul \0 del \u007f csi \u009b",
        "bidi \u202Egnp.exe\u202C and isolate \u2066x\u2069 lrm \u200E",
        "zero\u200Bwidth\u200C\u200D\u2060\uFEFF",
        "line\u2028sep\u2029para\u0085nel",
        "lone \ud800 surrogate \udfff",
        "tag \U000E0041 char",
        "#\n#vso[split]",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void HostileTextBecomesOneLineWithNoCommandAndNoHiddenCharacter(string text)
    {
        var safe = ConsoleText.Neutralise(text);

        Assert.DoesNotContain(safe, c => char.IsControl(c) || UntrustedText.IsInvisible(c) || char.IsSurrogate(c));
        Assert.DoesNotContain("##vso[", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("##[", safe, StringComparison.Ordinal);
        Assert.False(safe.TrimStart().StartsWith("::", StringComparison.Ordinal), safe);
        Assert.False(UntrustedText.HasHidden(safe), safe);
    }

    [Fact]
    public void ShowsWhatItEscaped()
    {
        Assert.Equal(@"a\u000A\u0023#vso[x]\u001B[0m\u202E", ConsoleText.Neutralise("a\n##vso[x]\u001b[0m\u202E"));
        Assert.Equal(@"\u003A:error::x", ConsoleText.Neutralise("::error::x"));
        Assert.Equal(@"tag \U000E0041", ConsoleText.Neutralise("tag \U000E0041"));
    }

    [Theory]
    [InlineData("/home/runner/work/repo/TestResults/a b.trx")]
    [InlineData(@"C:\agent\_work\1\s\TestResults\r.trx")]
    [InlineData("std::vector<int> parses, issue #12 [fixed] 100%")]
    [InlineData("Ünïcödé 名前 🚀 emoji")]
    [InlineData("")]
    public void LeavesOrdinaryTextAlone(string text)
    {
        Assert.Equal(text, ConsoleText.Neutralise(text));
    }

    [Fact]
    public void NeutralisedJsonParsesToTheSameValues()
    {
        var json = JsonSerializer.Serialize(new { message = "##vso[task.complete]x \u202E ##[error]y", path = "a\u2028b" });

        var safe = ConsoleText.NeutraliseJson(json);

        Assert.DoesNotContain("##vso[", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("##[", safe, StringComparison.Ordinal);
        Assert.DoesNotContain(safe, UntrustedText.IsInvisible);
        using var original = JsonDocument.Parse(json);
        using var parsed = JsonDocument.Parse(safe);
        Assert.Equal(original.RootElement.GetProperty("message").GetString(), parsed.RootElement.GetProperty("message").GetString());
        Assert.Equal(original.RootElement.GetProperty("path").GetString(), parsed.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void CommandDataKeepsLineBreaksForTheCommandsOwnEscaping()
    {
        Assert.Equal("a\nb\\u001B[31m\\u202E", CommandText.ForCommandData("a\nb\u001b[31m\u202E"));
    }

    [Theory]
    [InlineData("alice", null)]
    [InlineData("ali\u200Bce", "U+200B")]
    [InlineData("\u202Eecila", "U+202E")]
    [InlineData("a\U000E0041", "U+E0041")]
    [InlineData("🚀", null)]
    public void FindsTheFirstHiddenCharacter(string text, string? expected)
    {
        Assert.Equal(expected, UntrustedText.FirstHidden(text));
    }
}
