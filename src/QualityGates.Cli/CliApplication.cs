using System.CommandLine;
using System.CommandLine.Parsing;
using QualityGates.Errors;

namespace QualityGates.Cli;

/// <summary>Builds the command tree and runs it with the CLI's own error and exit-code conventions.</summary>
internal static class CliApplication
{
    /// <param name="args">The command line.</param>
    /// <param name="output">Where answers go (stdout).</param>
    /// <param name="error">Where errors, warnings and tables under <c>--json</c> go (stderr).</param>
    /// <param name="environment">Reads environment variables (CI detection, webhook URL, registry folder, default user); the process environment when null. Tests pass their own, so a test run on a CI agent never writes to the agent's files.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var root = new RootCommand("qualitygates: quality gates for tests, coverage, model metrics and security scans, and the approval registry.")
        {
            new CheckCommand(env).Create(),
            new ApproveCommand(env).Create(),
            new RejectCommand(env).Create(),
            new StatusCommand(env).Create(),
            new HistoryCommand(env).Create(),
            new ApprovedCommand(env).Create(),
            new CanDeployCommand(env).Create(),
            new DeployCommand(env).Create(),
            new RollbackCommand(env).Create(),
            new DeploymentsCommand(env).Create(),
            new RegistryCommand(env).Create(),
            new SettingsCommand().Create(),
        };

        // No response files: System.CommandLine reads any value starting with '@' as a file of more
        // arguments, so a commit message or tag passed as --notes could add options or print a file.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0 && !HelpRequested(args))
        {
            // Usage errors read like build errors and exit 2, not System.CommandLine's default 1.
            foreach (var parseError in result.Errors)
            {
                ErrorOutput.Error(error, ErrorCodes.InvalidCommandLine, parseError.Message);
            }

            error.WriteLine("Run 'qualitygates --help' for usage.");
            return ExitCodes.BadInput;
        }

        // An option given an empty value (`--coverage "$UNSET"`) must not read as "not given": the run
        // would pass without the input it was told to judge.
        var empty = EmptyOptions(result.RootCommandResult).ToList();
        if (empty.Count > 0 && !HelpRequested(args))
        {
            foreach (var name in empty)
            {
                ErrorOutput.Error(error, ErrorCodes.InvalidCommandLine,
                    $"{name} was given an empty value (an unset variable?); give a value or leave the option out.");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Every expected failure is a QualityGatesException handled by the verbs; anything else is a
            // bug, and must still read as "nothing was judged" (exit 2), never as a failed gate, and
            // without a stack trace (a crash must not look like a gate verdict, nor print internals).
            ErrorOutput.Error(error, ErrorCodes.UnexpectedError, $"Unexpected {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static IEnumerable<string> EmptyOptions(CommandResult parent)
    {
        foreach (var child in parent.Children)
        {
            if (child is OptionResult option && option.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                yield return option.Option.Name;
            }
            else if (child is CommandResult command)
            {
                foreach (var name in EmptyOptions(command))
                {
                    yield return name;
                }
            }
        }
    }

    private static bool HelpRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
