using System.CommandLine;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>The options every registry verb shares: where the registry is, and JSON output.</summary>
internal sealed class RegistryOptions(Func<string, string?> environment)
{
    public Option<string> Registry { get; } = new("--registry")
    {
        Description = $"The registry: a folder, or a PostgreSQL database (postgresql://user@host/db or Host=...;Database=..., password from $QUALITYGATES_REGISTRY_PASSWORD or $PGPASSWORD). Default: ${RegistryLocation.EnvironmentVariable}, else {RegistryLocation.DefaultFolder}.",
        HelpName = "dir|connection",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON on stdout (and nothing else there)." };

    /// <summary>
    /// Adds the registry options to <paramref name="command"/> and runs <paramref name="execute"/> (with
    /// stdout and stderr) as its action, with the registry verbs' coded-error handling.
    /// </summary>
    public Command Attach(Command command, Func<ParseResult, TextWriter, TextWriter, int> execute)
    {
        command.Options.Add(Registry);
        command.Options.Add(Json);
        command.SetAction(result => RegistryCommandRun.Guard(result.InvocationConfiguration.Error,
            () => execute(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }

    public ApprovalRegistry Open(ParseResult result) => new(result.GetValue(Registry), environment: environment);
}
