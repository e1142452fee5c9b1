using System.CommandLine;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Gates;
using QualityGates.Running;

namespace QualityGates.Cli;

/// <summary><c>qualitygates check</c>: judges TRX, Cobertura, model-metrics, security-scan and BenchmarkDotNet files against a context's thresholds.</summary>
internal sealed class CheckCommand(Func<string, string?> environment)
{
    private readonly SettingOptions _settings = new();

    public Command Create()
    {
        var command = new Command("check", "Evaluate the quality gates on test, coverage, model, security and benchmark results.");
        foreach (var option in _settings.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Execute(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var errors = new DiagnosticBag();
        var request = ReadRequest(result, errors, out var settings);
        foreach (var warning in settings.Warnings)
        {
            ErrorOutput.Write(error, warning);
        }
        if (errors.Count == 0 && NothingToJudge(request) is { } nothing)
        {
            errors.Add(nothing);
        }

        if (errors.Count > 0)
        {
            foreach (var each in errors)
            {
                ErrorOutput.Write(error, each);
            }

            return ExitCodes.BadInput;
        }

        return new CheckExecution(output, error).Run(request);
    }

    /// <summary>The request the options give; every bad setting goes to <paramref name="errors"/>.</summary>
    internal GateRunRequest ReadRequest(ParseResult result, DiagnosticBag errors, out SettingValues settings)
    {
        settings = _settings.Read(result);
        errors.AddRange(settings.Errors);
        return SettingsRequest.Build(settings, new RunContext { BaseDirectory = Environment.CurrentDirectory, Environment = environment }, errors);
    }

    /// <summary>The settings' own errors when there are any (they say more), else QG4003 when no selected group has an input: it would pass on nothing.</summary>
    private static QualityGatesException? NothingToJudge(GateRunRequest request)
    {
        var inputs = (request.TestResultFiles.Count > 0 || request.TestMetricsFile is not null ? GateGroup.Tests | GateGroup.Coverage : GateGroup.None)
            | (request.CoverageFiles.Count > 0 ? GateGroup.Coverage : GateGroup.None)
            | (request.ModelMetricsFile is not null || request.BaselineFile is not null ? GateGroup.Model : GateGroup.None)
            | (request.SecurityScanFiles.Count > 0 ? GateGroup.Security : GateGroup.None)
            | (request.Benchmarks is { Files.Count: > 0 } ? GateGroup.Benchmarks : GateGroup.None);
        if ((request.Groups & inputs) != GateGroup.None)
        {
            return null;
        }

        if (GateRun.Check(request).FirstOrDefault(d => d.IsError) is { } settingError)
        {
            return new QualityGatesException(settingError.Code, settingError.Message, settingError.File);
        }

        var names = request.Names;
        var files = new[]
        {
            SettingsCatalogue.TestResultFiles, SettingsCatalogue.CoverageFiles, SettingsCatalogue.TestMetricsFile,
            SettingsCatalogue.ModelMetricsFile, SettingsCatalogue.SecurityScanFiles, SettingsCatalogue.BenchmarkFiles,
        };
        return new QualityGatesException(ErrorCodes.NothingToJudge,
            $"Nothing to judge: name the files to check ({string.Join(", ", files.Select(names.Of))}) for at least one of the selected groups ({names.Of(SettingsCatalogue.Checks)}).");
    }
}
