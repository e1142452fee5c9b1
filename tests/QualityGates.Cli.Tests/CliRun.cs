namespace QualityGates.Cli.Tests;

/// <summary>One in-process run of the CLI with its exit code and both output streams.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The <c>QGnnnn</c> codes of the error lines, in order.</summary>
    public IReadOnlyList<string> ErrorCodes => Error.Split('\n')
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"error (QG\d{4}) :"))
        .Where(m => m.Success)
        .Select(m => m.Groups[1].Value)
        .ToList();
}
