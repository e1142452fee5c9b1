namespace QualityGates.Cli.Tests;

/// <summary>One in-process run of the CLI with its exit code and both output streams.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs with an empty environment: no CI is detected and nothing outside the test's folders is written.</summary>
    public static CliRun Of(params string[] args) => In(new Dictionary<string, string>(), args);

    /// <summary>Runs with exactly these environment variables visible to the CLI (null: the real ones).</summary>
    public static CliRun WithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => In(environment, args);

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables the CLI sees (null: the real ones).</summary>
    public static CliRun In(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error, environment is null ? null : name => environment.GetValueOrDefault(name));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The <c>QGnnnn</c> codes of the error lines, in order.</summary>
    public IReadOnlyList<string> ErrorCodes => Error.Split('\n')
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"error (QG\d{4}) :"))
        .Where(m => m.Success)
        .Select(m => m.Groups[1].Value)
        .ToList();

    /// <summary>The <c>QGnnnn</c> codes of the warning lines, in order.</summary>
    public IReadOnlyList<string> WarningCodes => Error.Split('\n')
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"warning (QG\d{4}) :"))
        .Where(m => m.Success)
        .Select(m => m.Groups[1].Value)
        .ToList();
}
