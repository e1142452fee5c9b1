using System.CommandLine;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>The options every registry verb shares: where the registry is, and JSON output.</summary>
internal sealed class RegistryOptions(Func<string, string?> environment)
{
    public Option<string> Registry { get; } = new("--registry")
    {
        Description = $"The registry folder (default: ${RegistryLocation.EnvironmentVariable}, else {RegistryLocation.DefaultFolder}).",
        HelpName = "dir",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON on stdout (and nothing else there)." };

    public void AddTo(Command command, bool json = true)
    {
        command.Options.Add(Registry);
        if (json)
        {
            command.Options.Add(Json);
        }
    }

    public ApprovalRegistry Open(ParseResult result) => new(result.GetValue(Registry), environment: environment);
}
