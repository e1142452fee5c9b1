using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Errors;
using QualityGates.Metrics;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Reads the settings of the running test application and runs the gate on one session's results, in
/// whichever process judges (the test host, or the controller when coverlet.MTP writes the coverage).
/// </summary>
internal static class GateSessionRun
{
    /// <summary>The result, or null when the gate is switched off.</summary>
    public static GateResult? Judge(ICommandLineOptions options, TestRunSummary tests, IReadOnlyList<string> runCoverageFiles)
    {
        var errors = new List<QualityGatesException>();
        GateSettingsFile file;
        try
        {
            file = GateSettingsFile.ForEntryAssembly();
        }
        catch (QualityGatesException ex)
        {
            return GateExecution.Failed([ex]);
        }

        if (!file.Exists)
        {
            return GateExecution.Failed([new QualityGatesException(ErrorCodes.GateCannotRun,
                $"Quality gates cannot run: the settings file '{file.Path}' that QualityGates.MSBuild's build targets write next to the test application is missing. Build the test project with the QualityGates.MSBuild package referenced.")]);
        }

        var settings = GateRunSettings.Read(file, options, Environment.GetEnvironmentVariable, errors);
        if (!settings.Enabled && errors.Count == 0)
        {
            return null;
        }

        return errors.Count > 0
            ? GateExecution.Failed(errors)
            : GateExecution.Run(settings, settings.ForRun(tests, runCoverageFiles), Environment.GetEnvironmentVariable);
    }
}
