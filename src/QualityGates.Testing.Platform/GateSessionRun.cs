using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Inputs;
using QualityGates.Integrations;
using QualityGates.Metrics;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>What one gate run in a test application gave: the engine's result and the CI server's command lines.</summary>
internal sealed record GateSessionResult(GateRunResult Run, IReadOnlyList<string> CiLines)
{
    /// <summary>True when the run must fail: a failed check (the project's or the solution's), or a gate that could not judge.</summary>
    public bool Blocked => Runs.Any(r => r.Diagnostics.Any(d => d.IsError));

    /// <summary>The project's own result, then the solution's when this application completed the solution run (QualityGatesScope).</summary>
    public IEnumerable<GateRunResult> Runs
    {
        get
        {
            for (var each = Run; each is not null; each = each.Solution)
            {
                yield return each;
            }
        }
    }
}

/// <summary>
/// Runs the gate on one session's results through the engine's single entry (<see cref="GateRun"/>:
/// judge, report files, registry, CI server, webhook), in whichever process judges: the test host, or
/// the controller when the coverage is collected out of process.
/// </summary>
internal static class GateSessionRun
{
    /// <summary>The result, or null when the gate is switched off.</summary>
    /// <param name="options">The test application's command line.</param>
    /// <param name="tests">This session's results, counted from the platform's messages.</param>
    /// <param name="runCoverageFiles">The Cobertura files this run's coverage producers wrote.</param>
    /// <param name="producersWithoutCobertura">Coverage producers that published figures but named no Cobertura report.</param>
    public static GateSessionResult? Judge(ICommandLineOptions options, TestRunSummary tests, IReadOnlyList<string> runCoverageFiles, IReadOnlyList<string> producersWithoutCobertura)
    {
        GateSettingsFile file;
        try
        {
            file = GateSettingsFile.ForEntryAssembly();
        }
        catch (QualityGatesException ex)
        {
            return Failed(ex);
        }

        if (!file.Exists)
        {
            return Failed(new QualityGatesException(ErrorCodes.GateCannotRun,
                $"Quality gates cannot run: the settings file '{file.Path}' that QualityGates.MSBuild's build targets write next to the test application is missing. Build the test project with the QualityGates.MSBuild package referenced."));
        }

        var settings = GateRunSettings.Settings(file, options);
        if (!settings.Switch(SettingsCatalogue.Enabled) && settings.Errors.Count == 0)
        {
            return null;
        }

        var errors = new DiagnosticBag();
        errors.AddRange(settings.Errors);
        // The settings' own warnings (QG0030) are input warnings too, so the report files list them: native
        // dotnet test shows nothing of an application that exits 0.
        var warnings = settings.Warnings.Concat(NotCobertura(runCoverageFiles, producersWithoutCobertura)).ToList();
        var request = SettingsRequest.Build(settings,
            GateRunSettings.Context(file, Environment.GetEnvironmentVariable, new RunInputs { Tests = tests, CoverageFiles = runCoverageFiles, Warnings = warnings }), errors);
        if (errors.HasErrors)
        {
            // Report the request's own mistakes too, so one run names every bad setting.
            return new GateSessionResult(new GateRunResult { Diagnostics = [.. settings.Warnings, .. errors, .. GateRun.Check(request)] }, []);
        }

        var ciLines = new List<string>();
        using var commands = new LineWriter(ciLines.Add);
        var run = new GateRun().Execute(request, commands);
        return new GateSessionResult(run, ciLines);
    }

    /// <summary>QG5010 when coverage figures came without a Cobertura report; an input warning, so the report files list it too.</summary>
    private static IReadOnlyList<GateDiagnostic> NotCobertura(IReadOnlyList<string> runCoverageFiles, IReadOnlyList<string> producersWithoutCobertura) =>
        runCoverageFiles.Count == 0 && producersWithoutCobertura.Count > 0
            ? [GateDiagnostic.Warning(ErrorCodes.CoverageReportNotCobertura,
                $"The coverage producer {string.Join(", ", producersWithoutCobertura)} reported coverage but named no Cobertura report; ask it for Cobertura (coverlet.MTP: --coverlet-output-format cobertura; Microsoft's: --coverage-output-format cobertura) so the gate can read it.")]
            : [];

    private static GateSessionResult Failed(QualityGatesException error) =>
        new(new GateRunResult { Diagnostics = [GateDiagnostic.From(error)] }, []);
}
