using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The gate inside the test host: counts the session's results from the platform's test node updates
/// and, when the session finishes, judges them with the coverage the session's producers reported
/// (<see cref="PlatformCoverage"/>), writes the reports, shows the verdict and sets the exit code
/// (<see cref="GateExitCode"/>). It never publishes a test node: the platform's totals, its TRX and the
/// gate's report count the same tests. When coverage is collected out of process, the coverage only
/// exists after this process ends, so the results are handed to <see cref="GateControllerHandler"/> instead.
/// </summary>
internal sealed class GateSessionHandler(
    ICommandLineOptions options, IOutputDevice outputDevice, IMessageBus messageBus, IServiceProvider services)
    : IDataConsumer, ITestSessionLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    private readonly TestOutcomes _outcomes = new();
    private readonly GateExitCode _exitCode = new();

    public string Uid => nameof(GateSessionHandler);

    public string Version => GateExtensionInfo.Version;

    public string DisplayName => GateExtensionInfo.DisplayName;

    public string Description => GateExtensionInfo.Description;

    public Type[] DataTypesConsumed { get; } = [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced { get; } = [typeof(SessionFileArtifact), .. PlatformCoverage.MessageTypes];

    /// <summary>Off for test discovery (<c>--list-tests</c>), where nothing runs.</summary>
    public Task<bool> IsEnabledAsync() => Task.FromResult(!options.IsOptionSet("list-tests"));

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is TestNodeUpdateMessage update)
        {
            _outcomes.Record(update.TestNode);
        }

        return Task.CompletedTask;
    }

#if PLATFORM_V1
    public Task OnTestSessionStartingAsync(SessionUid sessionUid, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(SessionUid sessionUid, CancellationToken cancellationToken) => FinishAsync(sessionUid, cancellationToken);
#else
    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext) => FinishAsync(testSessionContext.SessionUid, testSessionContext.CancellationToken);
#endif

    private async Task FinishAsync(SessionUid session, CancellationToken cancellation)
    {
        var source = Environment.ProcessPath ?? AppContext.BaseDirectory;
        var tests = _outcomes.Summarize(source, aborted: cancellation.IsCancellationRequested);
        if (Environment.GetEnvironmentVariable(GateControllerHandler.HandOffVariable) is { Length: > 0 } handOff)
        {
            // The controlling process judges once the out-of-process collector has written the coverage.
            await File.WriteAllTextAsync(handOff, TestRunHandOff.ToJson(tests), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var coverage = new PlatformCoverage(services);
        var result = GateSessionRun.Judge(options, tests, coverage.CoberturaReports(), coverage.ProducersWithoutCobertura());
        if (result is null)
        {
            return;
        }

#if PLATFORM_COVERAGE_API
        await PlatformCoverage.PublishThresholdsAsync(messageBus, this, session, result).ConfigureAwait(false);
#endif
        await GateOutput.PublishReportsAsync(messageBus, this, session, result).ConfigureAwait(false);
        await new GateOutput(outputDevice, this).ShowAsync(result, cancellation).ConfigureAwait(false);
        _exitCode.Apply(result);
    }
}
