using System.CommandLine;
using QualityGates.Errors;

namespace QualityGates.Cli;

/// <summary>Builds the command tree and runs it with the CLI's own error and exit-code conventions.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("qualitygates: quality gates for tests, coverage, model metrics and security scans.")
        {
            new CheckCommand().Create(),
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
