using System.Diagnostics;
using System.Text;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;

namespace QualityGates.Inputs.Git;

/// <summary>
/// Runs the <c>git</c> program in a work tree. The program, not a library: LibGit2Sharp loads a native
/// libgit2 per platform, which an MSBuild task (loaded into MSBuild's own process and load context)
/// cannot rely on finding, while every CI image and developer machine that has a clone has <c>git</c>.
/// Output is read as UTF-8 with <c>core.quotepath=off</c>, so non-ASCII paths come through unescaped.
/// </summary>
internal sealed class GitCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _workTree;
    private readonly string _program;
    private readonly SettingNames _names;

    /// <param name="workTree">The folder git runs in.</param>
    /// <param name="program">The git program; <c>git</c> on the PATH unless a test names another.</param>
    /// <param name="names">How messages name settings; MSBuild's names when null.</param>
    public GitCommand(string workTree, string program = "git", SettingNames? names = null)
    {
        _workTree = workTree;
        _program = program;
        _names = names ?? SettingNames.For(Adapter.MSBuild);
    }

    /// <summary>Runs git with <paramref name="arguments"/>; the exit code and output, whatever the exit code.</summary>
    /// <exception cref="QualityGatesException">QG1018 when git cannot be started or does not finish within two minutes.</exception>
    public GitResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(_program)
        {
            WorkingDirectory = _workTree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "-c", "core.quotepath=off", "--no-pager" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Never wait for a credential prompt or an editor inside a build.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"New-code coverage needs the git program, which could not be started ({ex.Message}); install git and put it on the PATH, or turn new-code coverage off ({_names.Set(SettingsCatalogue.NewCode, "false")}).");
        }

        using (process)
        {
            // Both streams are drained asynchronously, so a git that hangs with its output open still meets the time limit.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new QualityGatesException(ErrorCodes.GitUnavailable,
                    $"'git {string.Join(' ', arguments)}' did not finish within {Timeout.TotalMinutes:0} minutes in '{_workTree}'.");
            }

            return new GitResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult().Trim());
        }
    }

    /// <summary>Runs git and returns its trimmed output; any non-zero exit code is QG1018 with git's own message.</summary>
    public string Output(params string[] arguments)
    {
        var result = Run(arguments);
        if (result.ExitCode != 0)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"'git {string.Join(' ', arguments)}' failed in '{_workTree}' (exit code {result.ExitCode}): {FirstLine(result.Error)}");
        }

        return result.Output.Trim();
    }

    internal static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>What one git command returned.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error);
