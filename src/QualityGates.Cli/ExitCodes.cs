namespace QualityGates.Cli;

/// <summary>The CLI's exit codes, as documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    /// <summary>
    /// The registry said no: <c>can-deploy</c> answered no, or an approval from a failing report or a
    /// deployment the registry does not allow was refused. Same value as <see cref="GateFailed"/>.
    /// </summary>
    public const int Refused = 1;
    /// <summary>Bad usage or bad input: nothing was judged.</summary>
    public const int BadInput = 2;
}
