namespace QualityGates.Cli;

/// <summary>The CLI's exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    /// <summary>Bad usage or bad input: nothing was judged.</summary>
    public const int BadInput = 2;
}
