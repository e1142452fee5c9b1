using System.CommandLine;
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
        };

        var result = root.Parse(args);
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

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static bool HelpRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
