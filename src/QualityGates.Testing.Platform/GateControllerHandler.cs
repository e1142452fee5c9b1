using System.Text.Json;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;
using QualityGates.Metrics;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate in the test host controller, for runs whose coverage is collected out of process
/// (coverlet.MTP's <c>--coverlet</c>, Microsoft's <c>--coverage</c>): such a collector writes its report in
/// the controller after the test host has exited. The package registers this extension after
/// coverlet.MTP, so this handler runs after the collector's: it reads the results the test host handed
/// over (<see cref="HandOffVariable"/>), takes the Cobertura reports the producers named through the
/// platform's coverage messages (on older platforms, the coverlet.MTP files written in the results
/// folder since the test host started, never an older run's), judges, publishes the coverage verdicts
/// and the report files, shows the verdict and sets the controller's exit code. It never publishes a test
/// node (a node published by the controller crashes the .NET 10.0.401 SDK's native dotnet test).
/// </summary>
internal sealed class GateControllerHandler(IServiceProvider services)
    : ITestHostEnvironmentVariableProvider, ITestHostProcessLifetimeHandler, IOutputDeviceDataProducer, IDataProducer
{
    /// <summary>Tells the test host where to write its results instead of judging them itself.</summary>
    public const string HandOffVariable = "QUALITYGATES_TESTING_PLATFORM_RESULTS";

    /// <summary>The options that switch on an out-of-process coverage collector: coverlet.MTP's and Microsoft's.</summary>
    public static readonly string[] CollectorOptions = ["coverlet", "coverage"];

    private readonly ICommandLineOptions _options = services.GetCommandLineOptions();
    private readonly string _handOffFile = Path.Combine(Path.GetTempPath(), $"qualitygates-{Guid.NewGuid():N}.json");
    private readonly GateExitCode _exitCode = new();
    private DateTime _startedUtc;

    public string Uid => nameof(GateControllerHandler);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    public Type[] DataTypesProduced { get; } = [typeof(SessionFileArtifact), .. PlatformCoverage.MessageTypes];

    /// <summary>Only with an out-of-process collector on: otherwise the test host judges and no controller process is needed.</summary>
    public Task<bool> IsEnabledAsync() => Task.FromResult(CollectorOptions.Any(_options.IsOptionSet) && !_options.IsOptionSet("list-tests"));

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        environmentVariables.SetVariable(new EnvironmentVariable(HandOffVariable, _handOffFile, isSecret: false, isLocked: true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) => ValidationResult.ValidTask;

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken)
    {
        _startedUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken)
    {
        var tests = ReadHandOff(testHostProcessInformation);
        var coverage = new PlatformCoverage(services);
        var reports = coverage.CoberturaReports();
        var result = GateSessionRun.Judge(_options, tests, reports.Count > 0 ? reports : DiscoveredCoverageFiles(), coverage.ProducersWithoutCobertura());
        if (result is null)
        {
            return;
        }

        var bus = services.GetMessageBus();
        var session = new SessionUid(nameof(GateControllerHandler));
#if PLATFORM_COVERAGE_API
        session = coverage.SessionOf(session);
        await PlatformCoverage.PublishThresholdsAsync(bus, this, session, result).ConfigureAwait(false);
#endif
        await GateOutput.PublishReportsAsync(bus, this, session, result).ConfigureAwait(false);
        await new GateOutput(services.GetOutputDevice(), this).ShowAsync(result, cancellationToken).ConfigureAwait(false);
        _exitCode.Apply(result);
    }

    /// <summary>The test host's results; a test host that ended without handing them over aborted.</summary>
    private TestRunSummary ReadHandOff(ITestHostProcessInformation testHost)
    {
        try
        {
            if (File.Exists(_handOffFile))
            {
                return TestRunHandOff.FromJson(File.ReadAllText(_handOffFile)) ?? Aborted(testHost);
            }
        }
        catch (JsonException)
        {
            // A half-written file: the test host died while writing it.
        }
        finally
        {
            File.Delete(_handOffFile);
        }

        return Aborted(testHost);
    }

    private static TestRunSummary Aborted(ITestHostProcessInformation testHost) => new()
    {
        Aborted = true,
        AbortReason = $"The test host exited with code {testHost.ExitCode} before it reported its results.",
    };

    /// <summary>
    /// Without the platform's coverage messages (a platform before 2.4, or a producer that named no report):
    /// the Cobertura files written in the results folder during this run (coverlet.MTP's
    /// <c>coverage.cobertura.&lt;timestamp&gt;.xml</c>, or any other file whose name holds <c>.cobertura.</c>).
    /// </summary>
    private IReadOnlyList<string> DiscoveredCoverageFiles()
    {
        var folder = services.GetConfiguration().GetTestResultDirectory();
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.xml")
            .Where(f => Path.GetFileName(f).Contains(".cobertura.", StringComparison.OrdinalIgnoreCase))
            .Where(f => File.GetLastWriteTimeUtc(f) >= _startedUtc)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
