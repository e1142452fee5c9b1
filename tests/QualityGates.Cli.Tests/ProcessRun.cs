namespace QualityGates.Cli.Tests;

/// <summary>One finished out-of-process run: exit code, stdout and stderr.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>The <c>QGnnnn</c> codes of the error lines, in order.</summary>
    public IReadOnlyList<string> ErrorCodes => new CliRun(ExitCode, Output, Error).ErrorCodes;
}
