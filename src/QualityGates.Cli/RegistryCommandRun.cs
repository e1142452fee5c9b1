using QualityGates.Errors;
using QualityGates.Registry;

namespace QualityGates.Cli;

/// <summary>
/// Runs one registry verb: a coded error becomes one <c>error QG…</c> line and exit 2 (bad input) or 1
/// (the registry refused: a failing report, a deployment not allowed, an approval over a blocked run); skipped registry lines become
/// <c>file(line): warning QG3001 : …</c> lines. All of it goes to stderr, so stdout holds only the answer.
/// </summary>
internal static class RegistryCommandRun
{
    public static int Guard(TextWriter error, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (QualityGatesException ex)
        {
            ErrorOutput.Error(error, ex);
            return ex.Code is ErrorCodes.ReportDidNotPass or ErrorCodes.DeploymentNotAllowed or ErrorCodes.ApprovalOverBlockedRun ? ExitCodes.Refused : ExitCodes.BadInput;
        }
    }

    public static void PrintWarnings(TextWriter error, IReadOnlyList<RegistryWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            ErrorOutput.Warning(error, warning.Code, warning.Message, warning.File, warning.Line);
        }
    }
}
