using QualityGates.Processes;

namespace QualityGates.Tests.Processes;

/// <summary>
/// Programs are found on PATH only (never in the current or the application's folder, never through a
/// relative entry), get their arguments as a list, and are stopped by a time and an output limit.
/// </summary>
public sealed class ChildProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Program(string folder, string name, string script = "#!/bin/sh\nexit 0\n", bool executable = true)
    {
        var file = _dir.Write(Path.Combine(folder, name), script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    }

    [Fact]
    public void ABareNameIsFoundInAnAbsolutePathFolderOnly()
    {
        Program("planted", "tool");
        Program("not-executable", "tool", executable: false);
        var real = Program("bin", "tool");
        var planted = Path.Combine(_dir.Path, "planted");
        // Empty and relative entries mean "the current folder" to a shell; here they mean nothing, even
        // when they name the planted folder's own path relative to here.
        var path = string.Join(Path.PathSeparator, "", ".", "planted", Path.GetRelativePath(Environment.CurrentDirectory, planted),
            Path.Combine(_dir.Path, "not-executable"), Path.Combine(_dir.Path, "bin"));

        Assert.Equal(real, ProgramPath.Find("tool", path));
        Assert.Null(ProgramPath.Find("tool", string.Join(Path.PathSeparator, "", ".", planted[1..])));
        Assert.Null(ProgramPath.Find("./tool", path));
        Assert.Null(ProgramPath.Find("planted/tool", path));
        Assert.Equal(real, ProgramPath.Find(real, null));
    }

    [Fact]
    public void ArgumentsArriveAsGivenWithNoShell()
    {
        var marker = Path.Combine(_dir.Path, "marker");
        string[] arguments = ["%s|", "a b", "$(touch " + marker + ")", "; touch " + marker, "\"quoted\" 'single'", "@file", "--option"];

        var result = ChildProcess.Run(new ChildProcessStart("printf", arguments, _dir.Path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(arguments.Skip(1).Select(a => a + "|")), result.Output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void AChildPastItsTimeLimitIsKilledAndReported()
    {
        var started = DateTime.UtcNow;

        var error = Assert.Throws<ChildProcessException>(() => ChildProcess.Run(new ChildProcessStart("sleep", ["60"], _dir.Path) { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal(ChildProcessFailure.TimedOut, error.Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void OutputPastTheLimitIsAnErrorNeverAShortenedAnswer()
    {
        // Far more on stderr than a pipe holds, too: both streams are drained while the child runs.
        var script = Program("bin", "noisy", "#!/bin/sh\nhead -c 1000000 /dev/zero | tr '\\0' e >&2\nhead -c 1000000 /dev/zero | tr '\\0' o\n");

        var full = ChildProcess.Run(new ChildProcessStart(script, [], _dir.Path));
        var error = Assert.Throws<ChildProcessException>(() => ChildProcess.Run(new ChildProcessStart(script, [], _dir.Path) { MaxOutputChars = 1000 }));

        Assert.Equal(1_000_000, full.Output.Length);
        Assert.Equal(ChildProcessFailure.OutputTooLarge, error.Failure);
    }

    [Fact]
    public void InheritedVariablesCanBeTakenAway()
    {
        var result = ChildProcess.Run(new ChildProcessStart("env", [], _dir.Path)
        {
            RemoveVariable = name => name is "PATH" or "HOME",
            Environment = new Dictionary<string, string> { ["QG_SET"] = "yes" },
        });

        var names = result.Output.Split('\n').Select(line => line.Split('=')[0]).ToList();
        Assert.Contains("QG_SET", names);
        Assert.DoesNotContain("PATH", names);
        Assert.DoesNotContain("HOME", names);
    }
}
