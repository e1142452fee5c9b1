using System.Text.RegularExpressions;

namespace QualityGates.Tests.Docs;

/// <summary>
/// The README is what a newcomer reads in two minutes: its first screen holds exactly the two set-up
/// commands, the second of which is the test command CI runs (.ci/run), and the reference lives in docs/.
/// </summary>
public sealed partial class ReadmeTests
{
    private const int FirstScreen = 25;

    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void TheFirstScreenHoldsExactlyTheTwoSetUpCommands()
    {
        var commands = ShellLines(Lines.Take(FirstScreen)).ToList();

        Assert.Equal(2, commands.Count);
        Assert.StartsWith("bash samples/run.sh", commands[0], StringComparison.Ordinal);
        Assert.StartsWith(TestCommand, commands[1], StringComparison.Ordinal);
        Assert.Matches(@"#.*\d+.*min", commands[1]);
    }

    [Fact]
    public void CiRunsTheReadmesTestCommand()
    {
        var run = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        Assert.Contains(TestCommand + " ", run, StringComparison.Ordinal);
    }

    [Fact]
    public void IsShortEnoughToReadInTwoMinutes()
    {
        Assert.InRange(Lines.Length, 40, 110);
    }

    private static string TestCommand => "dotnet test QualityGates.MSBuild.sln -c Release";

    /// <summary>The lines of the fenced shell blocks (<c>```bash</c>, <c>```sh</c>, <c>```shell</c>); an XML snippet is no command.</summary>
    private static IEnumerable<string> ShellLines(IEnumerable<string> lines)
    {
        var inShell = false;
        var inOther = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var opens = !inShell && !inOther;
                inShell = opens && ShellFence().IsMatch(line);
                inOther = opens && !inShell;
            }
            else if (inShell && line.Trim().Length > 0)
            {
                yield return line.Trim();
            }
        }
    }

    [GeneratedRegex("^```(bash|sh|shell)\\s*$")]
    private static partial Regex ShellFence();
}
