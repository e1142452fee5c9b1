using Microsoft.Testing.Platform.CommandLine;
using QualityGates.Configuration.Settings;
using QualityGates.Errors;
using QualityGates.Inputs;
using QualityGates.Running;

namespace QualityGates.Testing.Platform;

/// <summary>
/// A test application's gate settings: the MSBuild properties from the settings file, overridden by the
/// <c>--quality-gates-*</c> options, read and checked by the engine's settings catalogue as in every
/// adapter. Every bad value is one error naming what the user wrote (<c>QualityGatesMinLineCoverage</c> or
/// <c>--quality-gates-min-line-coverage</c>).
/// </summary>
internal static class GateRunSettings
{
    /// <summary>
    /// Set by <c>dotnet test</c> for each test application it starts (SDK 10.0.401, one id per application):
    /// only then is the application part of a solution run. Run directly, it is judged alone (QG0019).
    /// </summary>
    internal const string DotnetTestVariable = "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID";

    /// <summary>
    /// The assemblies this extension brings into the test application (Cobertura package names): they sit in
    /// its folder, so a collector that instruments every loaded assembly counts them, but they are never part
    /// of the product's figure.
    /// </summary>
    internal static readonly string[] GateAssemblies = ["QualityGates.Core", "QualityGates.Testing.Platform"];

    /// <summary>The settings file's values, overridden by the command line's.</summary>
    public static SettingValues Settings(GateSettingsFile file, ICommandLineOptions options) =>
        SettingValues.Read(Adapter.TestingPlatform, file.Settings(), GateCommandLineProvider.Read(options));

    /// <summary>What the build wrote about the project, and this session's results.</summary>
    public static RunContext Context(GateSettingsFile file, Func<string, string?> environment, RunInputs run) => new()
    {
        BaseDirectory = file["ProjectDirectory"] ?? AppContext.BaseDirectory,
        Environment = environment,
        Run = run,
        TestAssemblyName = file["TestAssemblyName"],
        ExcludedAssemblies = GateAssemblies,
        ProjectFile = file["ProjectFile"],
        InSolutionRun = !string.IsNullOrEmpty(environment(DotnetTestVariable)),
    };

    /// <summary>The request for <paramref name="run"/>; every bad setting goes to <paramref name="errors"/>.</summary>
    public static GateRunRequest Read(GateSettingsFile file, ICommandLineOptions options, Func<string, string?> environment, DiagnosticBag errors, RunInputs? run = null)
    {
        var settings = Settings(file, options);
        errors.AddRange(settings.Errors);
        return SettingsRequest.Build(settings, Context(file, environment, run ?? RunInputs.None), errors);
    }
}
