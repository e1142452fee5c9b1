using QualityGates.Integrations;

namespace QualityGates.Tests.Integrations;

/// <summary>Workflow and logging commands escape exactly as GitHub's runner and Azure's agent decode.</summary>
public class CommandEscapingTests
{
    public static TheoryData<string> HostileTexts() => new()
    {
        "plain",
        "a::b :: c",
        "line one\nline two\r\nline three\rend",
        "literal %0A and %0D and %25 and %3A and %2C",
        "done\n::set-output name=passed::true",
        "x\r\n::add-mask::secret\n::stop-commands::token",
        "100% sure, title=fake,file=/etc/passwd: yes",
        "]##vso[task.setvariable variable=passed]true; %AZP25 ;",
        "%%%0%0A%%0D",
        "",
    };

    [Fact]
    public void GitHubDataEscapesPercentCarriageReturnAndLineFeed()
    {
        Assert.Equal("100%25 a%0Db%0Ac :: d, e", GitHubCommands.EscapeData("100% a\rb\nc :: d, e"));
    }

    [Fact]
    public void GitHubPropertiesAlsoEscapeColonAndComma()
    {
        Assert.Equal("QG2001 a%3A%3Ab%2Cc%25%0A", GitHubCommands.EscapeProperty("QG2001 a::b,c%\n"));
    }

    [Fact]
    public void GitHubErrorWritesTitleFileAndLineInOrder()
    {
        Assert.Equal("::error title=QG2002 coverage.line,file=src/a%2Cb.cs,line=12::Line coverage 49.9%25 is low",
            GitHubCommands.Error("Line coverage 49.9% is low", "QG2002 coverage.line", "src/a,b.cs", 12));
        Assert.Equal("::error::just a message", GitHubCommands.Error("just a message"));
        Assert.Equal("::error title=t::m", GitHubCommands.Error("m", "t", file: null, line: 3)); // a line without a file means nothing
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void GitHubCommandIsOneLineAndRoundTripsThroughTheRunner(string text)
    {
        var line = GitHubCommands.Error(text, title: text, file: text);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        var command = Assert.Single(RunnerCommand.All(line));
        Assert.Equal("error", command.Name);
        Assert.Equal(text, command.Data);
        if (text.Length > 0)
        {
            Assert.Equal(["title", "file"], command.Properties.Keys);
            Assert.Equal(text, command.Properties["title"]);
            Assert.Equal(text, command.Properties["file"]);
        }
    }

    [Fact]
    public void AzureDataEscapesPercentAsAzp25AndLineBreaks()
    {
        Assert.Equal("50%AZP25 done%0D%0A] ; next", AzureCommands.EscapeData("50% done\r\n] ; next"));
    }

    [Fact]
    public void AzurePropertiesAlsoEscapeBracketAndSemicolon()
    {
        Assert.Equal("QG%5D%3Bx%AZP25%0A", AzureCommands.EscapeProperty("QG];x%\n"));
    }

    [Fact]
    public void AzureLogIssueAndUploadSummaryHaveTheAgentsShape()
    {
        Assert.Equal("##vso[task.logissue type=error;code=QG2001]tests.pass_rate: 97.0%AZP25 is below 98.0%AZP25",
            AzureCommands.LogError("tests.pass_rate: 97.0% is below 98.0%", "QG2001"));
        Assert.Equal("##vso[task.uploadsummary]/a/b%AZP25c.md", AzureCommands.UploadSummary("/a/b%c.md"));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void AzureCommandIsOneLineAndRoundTripsThroughTheAgent(string text)
    {
        var line = AzureCommands.LogError(text, code: text.Length == 0 ? "QG2001" : text);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        var command = Assert.Single(AgentCommand.All(line));
        Assert.Equal("task.logissue", command.Name);
        Assert.Equal("error", command.Properties["type"]);
        Assert.Equal(text.Length == 0 ? "QG2001" : text, command.Properties["code"]);
        Assert.Equal(2, command.Properties.Count);
        Assert.Equal(text, command.Data);
    }
}
