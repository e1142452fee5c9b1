using System.CommandLine;
using QualityGates.Configuration;
using QualityGates.Metrics;

namespace QualityGates.Cli;

/// <summary>The <c>--model</c> and <c>--context</c> options of the registry verbs, and their validation.</summary>
internal static class ModelOptions
{
    public static Option<string> Model(string description, bool required = true) => new("--model", "-m")
    {
        Description = description,
        HelpName = "name:version",
        Required = required,
    };

    public static Option<string> Context(string description, bool required = true) => new("--context", "-c")
    {
        Description = description + " (development, staging or production)",
        HelpName = "context",
        Required = required,
    };

    /// <summary>The <c>name:version</c> given; QG0005 when malformed or not allowed.</summary>
    public static ModelIdentity Identity(ParseResult result, Option<string> option) => ModelIdentity.Parse(result.GetValue(option), option.Name);

    /// <summary>The context given, or null when the option was left out; QG0001 when unknown.</summary>
    public static DeploymentContext? OptionalContext(ParseResult result, Option<string> option) =>
        result.GetValue(option) is { } text ? DeploymentContexts.Parse(text, option.Name) : null;

    public static DeploymentContext Context(ParseResult result, Option<string> option) => DeploymentContexts.Parse(result.GetValue(option), option.Name);
}
