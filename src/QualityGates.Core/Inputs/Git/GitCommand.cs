using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Processes;

namespace QualityGates.Inputs.Git;

/// <summary>
/// Runs the <c>git</c> program in a work tree. The program, not a library: LibGit2Sharp loads a native
/// libgit2 per platform, which an MSBuild task (loaded into MSBuild's own process and load context)
/// cannot rely on finding, while every CI image and developer machine that has a clone has <c>git</c>.
/// <para>
/// git runs commands its configuration names: a clean filter (<c>filter.&lt;driver&gt;.clean</c>,
/// <c>process</c>) when a diff reads the working tree, <c>core.fsmonitor</c>, hooks, a pager, an external
/// diff or textconv, and transports, credential helpers and <c>core.sshCommand</c> when an object must be
/// fetched. A clone's <c>.git/config</c> (and files it includes) is no more trusted than its content, so
/// every call pins each of those off with <c>-c</c> (which outranks every configuration file), after
/// listing the configuration once for the names of filter drivers; inherited <c>GIT_*</c> variables,
/// which can carry configuration (<c>GIT_CONFIG_PARAMETERS</c>, <c>GIT_CONFIG_COUNT</c>), an external diff or
/// another repository, are taken away. Output is read as UTF-8 with <c>core.quotePath=false</c>, so
/// non-ASCII paths come through unescaped.
/// </para>
/// </summary>
internal sealed class GitCommand
{
    /// <summary>The null device, as git on each platform opens it.</summary>
    internal static readonly string NullDevice = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";

    /// <summary>Options before every subcommand: configuration that could run a program, pinned off.</summary>
    private static readonly string[] Pinned =
    [
        "--no-pager",
        "-c", "core.quotePath=false",
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=" + NullDevice,
        "-c", "protocol.allow=never",
        "-c", "credential.helper=",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
    ];

    /// <summary>The settings of a filter driver that name commands, and whether git insists on it.</summary>
    private static readonly string[] FilterSettings = ["clean", "smudge", "process"];

    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        // Never wait for a prompt, and never write the index on the side (a write can run hooks).
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["GIT_NO_LAZY_FETCH"] = "1",
        ["LC_ALL"] = "C",
    };

    private readonly string _workTree;
    private readonly string _program;
    private readonly SettingNames _names;
    private string[]? _neutralised;

    /// <param name="workTree">The folder git runs in.</param>
    /// <param name="program">The git program: a name on the PATH (never the current or the application's folder), or an absolute path.</param>
    /// <param name="names">How messages name settings; MSBuild's names when null.</param>
    public GitCommand(string workTree, string program = "git", SettingNames? names = null)
    {
        _workTree = workTree;
        _program = program;
        _names = names ?? SettingNames.For(Adapter.MSBuild);
    }

    /// <summary>How long one git command may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Runs git with <paramref name="arguments"/>; the exit code and output, whatever the exit code.</summary>
    /// <exception cref="QualityGatesException">QG1018 when git is not on the PATH, cannot be started, does not finish in time or writes too much, or when the configuration names a filter driver that cannot be pinned off.</exception>
    public GitResult Run(params string[] arguments)
    {
        _neutralised ??= [.. Pinned, .. FilterOverrides()];
        return Start([.. _neutralised, .. arguments], arguments);
    }

    /// <summary>Runs git and returns its trimmed output; any non-zero exit code is QG1018 with git's own message.</summary>
    public string Output(params string[] arguments) => Checked(arguments).Output.Trim();

    /// <summary>Runs git and returns its output untrimmed (for <c>-z</c> lists, where a blank is part of a name); any non-zero exit code is QG1018.</summary>
    public string RawOutput(params string[] arguments) => Checked(arguments).Output;

    private GitResult Checked(string[] arguments)
    {
        var result = Run(arguments);
        if (result.ExitCode != 0)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"'git {string.Join(' ', arguments)}' failed in '{_workTree}' (exit code {result.ExitCode}): {FirstLine(result.Error)}");
        }

        return result;
    }

    /// <summary>
    /// <c>-c filter.&lt;driver&gt;.clean=</c> (and smudge, process, <c>required=false</c>) for every filter
    /// driver the configuration names, in any file or include: an empty command is no filter.
    /// </summary>
    private IEnumerable<string> FilterOverrides()
    {
        var listed = Start([.. Pinned, "config", "--list", "--name-only", "-z"], ["config", "--list"]);
        if (listed.ExitCode != 0)
        {
            // No configuration can be read, so none is used either: the command that follows fails with git's message.
            return [];
        }

        var drivers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim('\n')))
        {
            var last = key.LastIndexOf('.');
            if (key.StartsWith("filter.", StringComparison.OrdinalIgnoreCase) && last > "filter.".Length)
            {
                drivers.Add(key["filter.".Length..last]);
            }
        }

        var overrides = new List<string>();
        foreach (var driver in drivers)
        {
            if (driver.IndexOfAny(['=', '\n', '\0']) >= 0)
            {
                throw new QualityGatesException(ErrorCodes.GitUnavailable,
                    $"The git configuration of '{_workTree}' names a filter driver '{driver}' whose commands cannot be turned off on git's command line, so git is not run there; remove that driver from the configuration.");
            }

            overrides.AddRange(FilterSettings.SelectMany(setting => new[] { "-c", $"filter.{driver}.{setting}=" }));
            overrides.AddRange(["-c", $"filter.{driver}.required=false"]);
        }

        return overrides;
    }

    private GitResult Start(string[] commandLine, string[] shown)
    {
        try
        {
            var result = ChildProcess.Run(new ChildProcessStart(_program, commandLine, _workTree)
            {
                RemoveVariable = name => name.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase),
                Environment = Environment,
                Timeout = Timeout,
            });
            return new GitResult(result.ExitCode, result.Output, result.Error);
        }
        catch (ChildProcessException ex) when (ex.Failure is ChildProcessFailure.NotFound or ChildProcessFailure.CannotStart)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable,
                $"New-code coverage needs the git program, which could not be started ({ex.Message}); install git and put it on the PATH, or turn new-code coverage off ({_names.Set(SettingsCatalogue.NewCode, "false")}).");
        }
        catch (ChildProcessException ex)
        {
            throw new QualityGatesException(ErrorCodes.GitUnavailable, $"'git {string.Join(' ', shown)}' gave no answer in '{_workTree}': {ex.Message}.");
        }
    }

    internal static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>What one git command returned.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error);
