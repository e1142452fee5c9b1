using System.Text.RegularExpressions;

namespace QualityGates.EndToEnd.Tests.Support;

/// <summary>
/// What one dotnet command did: exit code, console output, and the errors and warnings MSBuild's file
/// loggers wrote (each logged once, unlike the console, which may repeat them in a summary).
/// </summary>
public sealed partial class CommandResult(int exitCode, string output, IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;

    /// <summary>Error lines, one per logged error.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;

    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <summary>The codes of the errors, in order (e.g. QG2002, CS1002).</summary>
    public IReadOnlyList<string> ErrorCodes => Errors.Select(CodeOf).ToList();

    public IReadOnlyList<string> WarningCodes => Warnings.Select(CodeOf).ToList();

    /// <summary>The errors whose code starts with QG.</summary>
    public IReadOnlyList<string> GateErrorCodes => ErrorCodes.Where(c => c.StartsWith("QG", StringComparison.Ordinal)).ToList();

    private static string CodeOf(string line)
    {
        var match = CodePattern().Match(line);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    [GeneratedRegex(@"(?:error|warning) ([A-Za-z]+\d*)\s*:")]
    private static partial Regex CodePattern();
}
